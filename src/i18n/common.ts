/**
 * Messages several elements share: statuses, default stage and lost reason
 * names, actions, error texts, empty states, periods, priorities.
 *
 * Terms follow the CRM guides users of each language read (see
 * /work/shared/seeds): Simplified Chinese as in the Odoo 18 guide (商机,
 * 丢失, 丢失原因, 恢复, 关闭说明) and the SuiteCRM guide (销售阶段, 初步接触,
 * 需求分析, 成交, 预计关闭日期); Traditional Chinese as in the Odoo guide
 * (商機, 成交, 流失, 流失原因, 恢復, 結案備註, 機率); Persian as in the Odoo
 * guide (فرصت, مرحله, احتمال, جدید، پیشنهاد، ارائه، برد, تاریخ اتمام).
 */
import { isDealAdapterError } from '../adapters/errors.js';
import { DEFAULT_LOST_REASONS, DEFAULT_STAGES, SUITECRM_STAGES } from '../model/defaults.js';
import type { DealStatus } from '../model/schemas.js';
import { formatterFor } from './format.js';
import { defineMessages } from './messages.js';

const en = formatterFor('en');
const zhHans = formatterFor('zh-Hans');
const zhHant = formatterFor('zh-Hant');
const fa = formatterFor('fa');

/** The messages shared by all elements, in every supported locale. */
export const commonMessages = defineMessages({
  en: {
    'status.open': 'Open',
    'status.won': 'Won',
    'status.lost': 'Lost',
    'ribbon.won': 'WON',
    'ribbon.lost': 'LOST',

    'stage.new': 'New',
    'stage.qualified': 'Qualified',
    'stage.proposition': 'Proposition',
    'stage.won': 'Won',
    'stage.prospecting': 'Prospecting',
    'stage.qualification': 'Qualification',
    'stage.needs-analysis': 'Needs Analysis',
    'stage.value-proposition': 'Value Proposition',
    'stage.id-decision-makers': 'Id. Decision Makers',
    'stage.perception-analysis': 'Perception Analysis',
    'stage.proposal-price-quote': 'Proposal/Price Quote',
    'stage.negotiation-review': 'Negotiation/Review',
    'stage.closed-won': 'Closed Won',

    'reason.too-expensive': 'Too expensive',
    'reason.not-enough-stock': 'Not enough stock',
    'reason.no-skills': "We don't have people/skills",

    'action.markWon': 'Mark as won',
    'action.markLost': 'Mark as lost',
    'action.restore': 'Restore',
    'action.cancel': 'Cancel',
    'action.retry': 'Retry',
    'action.undo': 'Undo',
    'action.clear': 'Clear',
    'action.close': 'Close',
    'action.showTable': 'Show table',
    'action.hideTable': 'Hide table',

    'field.title': 'Deal',
    'field.company': 'Company',
    'field.contact': 'Contact',
    'field.amount': 'Amount',
    'field.currency': 'Currency',
    'field.stage': 'Stage',
    'field.probability': 'Probability',
    'field.expectedClose': 'Expected close',
    'field.owner': 'Salesperson',
    'field.priority': 'Priority',
    'field.tags': 'Tags',
    'field.status': 'Status',
    'field.lostReason': 'Lost reason',
    'field.closingNote': 'Closing note',

    'error.not_found':
      'What you were working on no longer exists; it may have been deleted in another tab or by someone else. Reload to see the current data.',
    'error.conflict':
      'Someone else changed this deal in the meantime, so your change was not saved. The latest version is shown now; make your change again if it is still needed.',
    'error.validation': 'Some values are not valid. Check the marked fields and try again; nothing was saved.',
    'error.network': 'The server could not be reached. Check your connection and try again; your change was not saved.',
    'error.timeout': 'The server took too long to answer. Try again in a moment.',
    'error.quota_exceeded': "Your browser's storage is full. Free some space and try again; nothing was saved.",
    'error.storage_unavailable':
      "Your browser's storage could not be opened. Try again; if it keeps failing, close other tabs of this page or reload it.",
    'error.invalid_response':
      'The server sent data that could not be read, so it was not used. Try again later, and tell your administrator if it keeps happening.',
    'error.unauthorized': 'You are not allowed to do this, or your session has expired. Sign in again and retry.',
    'error.unsupported': 'This action is not available with the current data source.',
    'error.unknown': 'Something went wrong. Try again; if it keeps happening, reload the page.',

    'notice.memoryFallback':
      'IndexedDB is not available here (private mode?). Changes are kept in memory only and will be lost when you close the page.',
    'state.loading': 'Loading…',
    'empty.noDeals': 'No deals yet.',
    'empty.noMatches': 'No deals match the current filter.',
    'empty.stage': 'No deals in this stage.',
    'empty.noData': 'Nothing to show for this period.',

    'date.overdue': 'Overdue',
    'date.none': 'No date',
    'period.week': 'Week',
    'period.month': 'Month',
    'period.quarter': 'Quarter',
    'count.deals': (p: { count: number }) => en.plural(p.count, { one: '# deal', other: '# deals' }),

    'priority.0': 'Low',
    'priority.1': 'Medium',
    'priority.2': 'High',
    'priority.3': 'Very high',
  },

  'zh-Hans': {
    'status.open': '进行中',
    'status.won': '成交',
    'status.lost': '丢失',
    'ribbon.won': '已成交',
    'ribbon.lost': '已丢失',

    'stage.new': '新建',
    'stage.qualified': '已确认资格',
    'stage.proposition': '提案',
    'stage.won': '成交',
    'stage.prospecting': '初步接触',
    'stage.qualification': '资格审查',
    'stage.needs-analysis': '需求分析',
    'stage.value-proposition': '价值主张',
    'stage.id-decision-makers': '确定决策者',
    'stage.perception-analysis': '认知分析',
    'stage.proposal-price-quote': '提案/报价',
    'stage.negotiation-review': '谈判/审核',
    'stage.closed-won': '关闭(成交)',

    'reason.too-expensive': '太贵',
    'reason.not-enough-stock': '库存不足',
    'reason.no-skills': '我们没有相关人员/技能',

    'action.markWon': '标记为成交',
    'action.markLost': '标记为丢失',
    'action.restore': '恢复',
    'action.cancel': '取消',
    'action.retry': '重试',
    'action.undo': '撤销',
    'action.clear': '清除',
    'action.close': '关闭',
    'action.showTable': '显示表格',
    'action.hideTable': '隐藏表格',

    'field.title': '商机名称',
    'field.company': '客户',
    'field.contact': '联系人',
    'field.amount': '金额',
    'field.currency': '币种',
    'field.stage': '销售阶段',
    'field.probability': '概率',
    'field.expectedClose': '预计关闭日期',
    'field.owner': '销售人员',
    'field.priority': '优先级',
    'field.tags': '标签',
    'field.status': '状态',
    'field.lostReason': '丢失原因',
    'field.closingNote': '关闭说明',

    'error.not_found': '您正在处理的记录已不存在,可能已在其他标签页中或被其他人删除。请重新加载以查看最新数据。',
    'error.conflict': '其他人在此期间修改了这个商机,因此您的更改未保存。现在显示的是最新版本;如仍需要,请重新进行更改。',
    'error.validation': '部分内容无效。请检查标出的字段后重试;未保存任何内容。',
    'error.network': '无法连接服务器。请检查网络连接后重试;您的更改未保存。',
    'error.timeout': '服务器响应超时。请稍后重试。',
    'error.quota_exceeded': '浏览器存储空间已满。请释放一些空间后重试;未保存任何内容。',
    'error.storage_unavailable': '无法打开浏览器存储。请重试;如果仍然失败,请关闭此页面的其他标签页或重新加载页面。',
    'error.invalid_response': '服务器返回的数据无法读取,因此未被使用。请稍后重试;如果问题持续出现,请联系管理员。',
    'error.unauthorized': '您无权执行此操作,或登录已过期。请重新登录后重试。',
    'error.unsupported': '当前数据源不支持此操作。',
    'error.unknown': '出现了问题。请重试;如果问题持续出现,请重新加载页面。',

    'notice.memoryFallback': '此处无法使用 IndexedDB(是否处于隐私模式?)。更改仅保存在内存中,关闭页面后将会丢失。',
    'state.loading': '正在加载…',
    'empty.noDeals': '还没有商机。',
    'empty.noMatches': '没有符合当前筛选条件的商机。',
    'empty.stage': '此阶段没有商机。',
    'empty.noData': '此期间没有可显示的内容。',

    'date.overdue': '已逾期',
    'date.none': '无日期',
    'period.week': '周',
    'period.month': '月',
    'period.quarter': '季度',
    'count.deals': (p) => zhHans.plural(p.count, { other: '#个商机' }),

    'priority.0': '低',
    'priority.1': '中',
    'priority.2': '高',
    'priority.3': '非常高',
  },

  'zh-Hant': {
    'status.open': '進行中',
    'status.won': '成交',
    'status.lost': '流失',
    'ribbon.won': '已成交',
    'ribbon.lost': '已流失',

    'stage.new': '新建',
    'stage.qualified': '已確認資格',
    'stage.proposition': '提案',
    'stage.won': '成交',
    'stage.prospecting': '初步接觸',
    'stage.qualification': '資格審查',
    'stage.needs-analysis': '需求分析',
    'stage.value-proposition': '價值主張',
    'stage.id-decision-makers': '確定決策者',
    'stage.perception-analysis': '認知分析',
    'stage.proposal-price-quote': '提案/報價',
    'stage.negotiation-review': '談判/審核',
    'stage.closed-won': '關閉(成交)',

    'reason.too-expensive': '太貴',
    'reason.not-enough-stock': '庫存不足',
    'reason.no-skills': '我們沒有相關人員/技能',

    'action.markWon': '標記為成交',
    'action.markLost': '標記為流失',
    'action.restore': '恢復',
    'action.cancel': '取消',
    'action.retry': '重試',
    'action.undo': '復原',
    'action.clear': '清除',
    'action.close': '關閉',
    'action.showTable': '顯示表格',
    'action.hideTable': '隱藏表格',

    'field.title': '商機名稱',
    'field.company': '客戶',
    'field.contact': '聯絡人',
    'field.amount': '金額',
    'field.currency': '幣別',
    'field.stage': '階段',
    'field.probability': '機率',
    'field.expectedClose': '預計結案日期',
    'field.owner': '銷售人員',
    'field.priority': '優先順序',
    'field.tags': '標籤',
    'field.status': '狀態',
    'field.lostReason': '流失原因',
    'field.closingNote': '結案備註',

    'error.not_found': '您正在處理的記錄已不存在,可能已在其他分頁中或被其他人刪除。請重新載入以查看最新資料。',
    'error.conflict': '其他人在此期間修改了這個商機,因此您的變更未儲存。現在顯示的是最新版本;如仍需要,請重新進行變更。',
    'error.validation': '部分內容無效。請檢查標示的欄位後重試;未儲存任何內容。',
    'error.network': '無法連線到伺服器。請檢查網路連線後重試;您的變更未儲存。',
    'error.timeout': '伺服器回應逾時。請稍後重試。',
    'error.quota_exceeded': '瀏覽器儲存空間已滿。請釋放一些空間後重試;未儲存任何內容。',
    'error.storage_unavailable': '無法開啟瀏覽器儲存空間。請重試;如果仍然失敗,請關閉此頁面的其他分頁或重新載入頁面。',
    'error.invalid_response': '伺服器傳回的資料無法讀取,因此未被使用。請稍後重試;如果問題持續發生,請聯絡管理員。',
    'error.unauthorized': '您無權執行此操作,或登入已過期。請重新登入後重試。',
    'error.unsupported': '目前的資料來源不支援此操作。',
    'error.unknown': '發生問題。請重試;如果問題持續發生,請重新載入頁面。',

    'notice.memoryFallback': '此處無法使用 IndexedDB(是否處於私密瀏覽模式?)。變更只會保留在記憶體中,關閉頁面後就會遺失。',
    'state.loading': '載入中…',
    'empty.noDeals': '還沒有商機。',
    'empty.noMatches': '沒有符合目前篩選條件的商機。',
    'empty.stage': '此階段沒有商機。',
    'empty.noData': '此期間沒有可顯示的內容。',

    'date.overdue': '已逾期',
    'date.none': '無日期',
    'period.week': '週',
    'period.month': '月',
    'period.quarter': '季',
    'count.deals': (p) => zhHant.plural(p.count, { other: '#個商機' }),

    'priority.0': '低',
    'priority.1': '中',
    'priority.2': '高',
    'priority.3': '非常高',
  },

  fa: {
    'status.open': 'باز',
    'status.won': 'برد',
    'status.lost': 'از دست رفته',
    'ribbon.won': 'برد',
    'ribbon.lost': 'از دست رفته',

    'stage.new': 'جدید',
    'stage.qualified': 'پیشنهاد',
    'stage.proposition': 'ارائه',
    'stage.won': 'برد',
    'stage.prospecting': 'جست‌وجوی مشتری',
    'stage.qualification': 'ارزیابی صلاحیت',
    'stage.needs-analysis': 'تحلیل نیازها',
    'stage.value-proposition': 'ارائهٔ ارزش',
    'stage.id-decision-makers': 'شناسایی تصمیم‌گیرندگان',
    'stage.perception-analysis': 'تحلیل برداشت مشتری',
    'stage.proposal-price-quote': 'پیشنهاد/پیش‌فاکتور',
    'stage.negotiation-review': 'مذاکره/بازبینی',
    'stage.closed-won': 'بسته‌شده (برد)',

    'reason.too-expensive': 'خیلی گران است',
    'reason.not-enough-stock': 'موجودی کافی نیست',
    'reason.no-skills': 'نیرو یا مهارت لازم را نداریم',

    'action.markWon': 'ثبت برد',
    'action.markLost': 'ثبت از دست رفتن',
    'action.restore': 'بازگردانی',
    'action.cancel': 'انصراف',
    'action.retry': 'تلاش دوباره',
    'action.undo': 'واگرد',
    'action.clear': 'پاک کردن',
    'action.close': 'بستن',
    'action.showTable': 'نمایش جدول',
    'action.hideTable': 'پنهان کردن جدول',

    'field.title': 'فرصت',
    'field.company': 'شرکت',
    'field.contact': 'مخاطب',
    'field.amount': 'مبلغ',
    'field.currency': 'ارز',
    'field.stage': 'مرحله',
    'field.probability': 'احتمال',
    'field.expectedClose': 'تاریخ اتمام مورد انتظار',
    'field.owner': 'فروشنده',
    'field.priority': 'اولویت',
    'field.tags': 'برچسب‌ها',
    'field.status': 'وضعیت',
    'field.lostReason': 'دلیل از دست رفتن',
    'field.closingNote': 'یادداشت پایانی',

    'error.not_found':
      'موردی که با آن کار می‌کردید دیگر وجود ندارد؛ شاید در زبانهٔ دیگری یا توسط شخص دیگری حذف شده است. صفحه را دوباره بارگذاری کنید تا داده‌های فعلی را ببینید.',
    'error.conflict':
      'شخص دیگری در این فاصله این فرصت را تغییر داده است، پس تغییر شما ذخیره نشد. اکنون آخرین نسخه نمایش داده می‌شود؛ اگر هنوز لازم است، تغییر را دوباره انجام دهید.',
    'error.validation': 'برخی مقادیر معتبر نیستند. فیلدهای مشخص‌شده را بررسی کنید و دوباره تلاش کنید؛ چیزی ذخیره نشد.',
    'error.network': 'ارتباط با سرور برقرار نشد. اتصال خود را بررسی کنید و دوباره تلاش کنید؛ تغییر شما ذخیره نشد.',
    'error.timeout': 'پاسخ سرور بیش از حد طول کشید. کمی بعد دوباره تلاش کنید.',
    'error.quota_exceeded': 'فضای ذخیره‌سازی مرورگر شما پر است. کمی فضا آزاد کنید و دوباره تلاش کنید؛ چیزی ذخیره نشد.',
    'error.storage_unavailable':
      'فضای ذخیره‌سازی مرورگر باز نشد. دوباره تلاش کنید؛ اگر باز هم نشد، زبانه‌های دیگر این صفحه را ببندید یا صفحه را دوباره بارگذاری کنید.',
    'error.invalid_response':
      'سرور داده‌ای فرستاد که خوانده نشد، پس از آن استفاده نشد. بعداً دوباره تلاش کنید و اگر تکرار شد، به مدیر سیستم اطلاع دهید.',
    'error.unauthorized': 'اجازهٔ این کار را ندارید یا نشست شما منقضی شده است. دوباره وارد شوید و تلاش کنید.',
    'error.unsupported': 'این کار با منبع دادهٔ فعلی امکان‌پذیر نیست.',
    'error.unknown': 'مشکلی پیش آمد. دوباره تلاش کنید؛ اگر تکرار شد، صفحه را دوباره بارگذاری کنید.',

    'notice.memoryFallback':
      'IndexedDB در اینجا در دسترس نیست (حالت خصوصی؟). تغییرات فقط در حافظه نگه داشته می‌شوند و با بستن صفحه از بین می‌روند.',
    'state.loading': 'در حال بارگذاری…',
    'empty.noDeals': 'هنوز فرصتی وجود ندارد.',
    'empty.noMatches': 'هیچ فرصتی با فیلتر فعلی مطابقت ندارد.',
    'empty.stage': 'در این مرحله فرصتی نیست.',
    'empty.noData': 'برای این دوره چیزی برای نمایش نیست.',

    'date.overdue': 'سررسید گذشته',
    'date.none': 'بدون تاریخ',
    'period.week': 'هفته',
    'period.month': 'ماه',
    'period.quarter': 'سه‌ماهه',
    // Persian nouns stay singular after a number: "۵ فرصت".
    'count.deals': (p) => fa.plural(p.count, { other: '# فرصت' }),

    'priority.0': 'کم',
    'priority.1': 'متوسط',
    'priority.2': 'زیاد',
    'priority.3': 'خیلی زیاد',
  },
});

/** The type of one locale's common messages. */
export type CommonMessages = (typeof commonMessages)['en'];

/** A message key of the common catalogue. */
export type CommonMessageKey = keyof CommonMessages;

// English names of the preset stages and default reasons, by id. A record
// still carrying its preset name is shown translated; once a user renames it,
// the name they typed is shown as typed.
const PRESET_STAGE_NAMES = new Map([...DEFAULT_STAGES, ...SUITECRM_STAGES].map((stage) => [stage.id, stage.name]));
const DEFAULT_REASON_NAMES = new Map(DEFAULT_LOST_REASONS.map((reason) => [reason.id, reason.name]));

function presetName(
  messages: CommonMessages,
  prefix: 'stage' | 'reason',
  presets: ReadonlyMap<string, string>,
  record: { id: string; name: string },
): string {
  if (presets.get(record.id) !== record.name) return record.name;
  const translated = (messages as Readonly<Record<string, unknown>>)[`${prefix}.${record.id}`];
  return typeof translated === 'string' ? translated : record.name;
}

/**
 * The name to show for a stage: the translation of a preset stage (default or
 * SuiteCRM) whose name is untouched, otherwise the name as the user typed it.
 */
export function stageName(messages: CommonMessages, stage: { id: string; name: string }): string {
  return presetName(messages, 'stage', PRESET_STAGE_NAMES, stage);
}

/**
 * The name to show for a lost reason: the translation of a default reason
 * whose name is untouched, otherwise the name as the user typed it.
 */
export function lostReasonName(messages: CommonMessages, reason: { id: string; name: string }): string {
  return presetName(messages, 'reason', DEFAULT_REASON_NAMES, reason);
}

/** The name of a deal status (`Open`, `Won`, `Lost`). */
export function statusName(messages: CommonMessages, status: DealStatus): string {
  return messages[`status.${status}`];
}

/** The name of a priority from 0 (low) to 3 (very high); other values are clamped into that range. */
export function priorityName(messages: CommonMessages, priority: number): string {
  const level = (Number.isFinite(priority) ? Math.min(3, Math.max(0, Math.round(priority))) : 0) as 0 | 1 | 2 | 3;
  return messages[`priority.${level}`];
}

/**
 * The user-facing text for anything a store or adapter threw: the text of its
 * `DealAdapterError` code, or a general "something went wrong" for anything
 * else (the developer message is for the console, not the user).
 */
export function errorText(messages: CommonMessages, error: unknown): string {
  return isDealAdapterError(error) ? messages[`error.${error.code}`] : messages['error.unknown'];
}
