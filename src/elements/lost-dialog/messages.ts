/**
 * Texts of `<deal-lost-dialog>` in every supported locale. The title, the
 * buttons and the field names come from the common messages ("Mark as lost",
 * "Lost reason", "Closing note"), so they match the rest of the kit.
 */
import { commonMessages } from '../../i18n/common.js';
import { formatterFor } from '../../i18n/format.js';
import { defineMessages, mergeCatalogues } from '../../i18n/messages.js';

const en = formatterFor('en');
const zhHans = formatterFor('zh-Hans');
const zhHant = formatterFor('zh-Hant');
const fa = formatterFor('fa');

export const lostDialogMessages = defineMessages({
  en: {
    'lost.headingSeveral': (p: { count: number }) => en.plural(p.count, { one: 'Mark # deal as lost', other: 'Mark # deals as lost' }),
    'lost.total': (p: { amount: string }) => `Total: ${p.amount}`,
    'lost.missingRates': (p: { count: number; currencies: string }) =>
      en.plural(p.count, {
        one: `# deal in ${p.currencies} has no exchange rate and is not in the total.`,
        other: `# deals in ${p.currencies} have no exchange rate and are not in the total.`,
      }),
    'lost.more': (p: { count: number }) => `and ${en.number(p.count)} more`,
    'lost.optional': 'optional',
    'lost.requiredHint': 'Choose a lost reason to mark as lost.',
    'lost.placeholder': 'Type to search or create',
    'lost.create': (p: { name: string }) => `Create "${p.name}"`,
    'lost.creating': (p: { name: string }) => `Creating "${p.name}"…`,
    'lost.created': (p: { name: string }) => `Lost reason "${p.name}" created and chosen.`,
    'lost.unresolved': (p: { name: string }) =>
      `"${p.name}" is not a lost reason yet. Choose it from the list, or choose Create to add it.`,
    'lost.noReasons': 'No lost reasons yet. Type a name to create one.',
    'lost.counter': (p: { count: number; max: number }) => `${en.number(p.count)} / ${en.number(p.max)}`,
    'lost.counterStatus': (p: { count: number; max: number }) =>
      `${en.number(p.count)} of ${en.number(p.max)} characters used`,
    'lost.saving': 'Saving…',
    'lost.partlySaved': (p: { saved: number; total: number }) =>
      `${en.number(p.saved)} of ${en.number(p.total)} deals were marked lost; the others were not saved.`,
  },

  'zh-Hans': {
    'lost.headingSeveral': (p) => zhHans.plural(p.count, { other: '将 # 个商机标记为丢失' }),
    'lost.total': (p) => `总金额:${p.amount}`,
    'lost.missingRates': (p) => zhHans.plural(p.count, { other: `# 个商机的币种(${p.currencies})没有汇率,未计入总金额。` }),
    'lost.more': (p) => `以及另外 ${zhHans.number(p.count)} 个`,
    'lost.optional': '可选',
    'lost.requiredHint': '请选择丢失原因,才能标记为丢失。',
    'lost.placeholder': '输入以搜索或创建',
    'lost.create': (p) => `创建“${p.name}”`,
    'lost.creating': (p) => `正在创建“${p.name}”…`,
    'lost.created': (p) => `已创建并选择丢失原因“${p.name}”。`,
    'lost.unresolved': (p) => `“${p.name}”还不是丢失原因。请从列表中选择,或选择“创建”来添加。`,
    'lost.noReasons': '还没有丢失原因。输入名称即可创建。',
    'lost.counter': (p) => `${zhHans.number(p.count)} / ${zhHans.number(p.max)}`,
    'lost.counterStatus': (p) => `已输入 ${zhHans.number(p.count)} 个字符,上限 ${zhHans.number(p.max)} 个`,
    'lost.saving': '正在保存…',
    'lost.partlySaved': (p) =>
      `已将 ${zhHans.number(p.saved)} 个商机(共 ${zhHans.number(p.total)} 个)标记为丢失,其余未保存。`,
  },

  'zh-Hant': {
    'lost.headingSeveral': (p) => zhHant.plural(p.count, { other: '將 # 個商機標記為流失' }),
    'lost.total': (p) => `總金額:${p.amount}`,
    'lost.missingRates': (p) => zhHant.plural(p.count, { other: `# 個商機的幣別(${p.currencies})沒有匯率,未計入總金額。` }),
    'lost.more': (p) => `以及另外 ${zhHant.number(p.count)} 個`,
    'lost.optional': '選填',
    'lost.requiredHint': '請選擇流失原因,才能標記為流失。',
    'lost.placeholder': '輸入以搜尋或建立',
    'lost.create': (p) => `建立「${p.name}」`,
    'lost.creating': (p) => `正在建立「${p.name}」…`,
    'lost.created': (p) => `已建立並選擇流失原因「${p.name}」。`,
    'lost.unresolved': (p) => `「${p.name}」還不是流失原因。請從清單中選擇,或選擇「建立」來新增。`,
    'lost.noReasons': '還沒有流失原因。輸入名稱即可建立。',
    'lost.counter': (p) => `${zhHant.number(p.count)} / ${zhHant.number(p.max)}`,
    'lost.counterStatus': (p) => `已輸入 ${zhHant.number(p.count)} 個字元,上限 ${zhHant.number(p.max)} 個`,
    'lost.saving': '正在儲存…',
    'lost.partlySaved': (p) =>
      `已將 ${zhHant.number(p.saved)} 個商機(共 ${zhHant.number(p.total)} 個)標記為流失,其餘未儲存。`,
  },

  fa: {
    // Persian nouns stay singular after a number: "۳ فرصت".
    'lost.headingSeveral': (p) => fa.plural(p.count, { other: 'ثبت از دست رفتن # فرصت' }),
    'lost.total': (p) => `مبلغ کل: ${p.amount}`,
    'lost.missingRates': (p) =>
      fa.plural(p.count, { other: `# فرصت با ارز ${p.currencies} نرخ تبدیل ندارد و در مبلغ کل حساب نشده است.` }),
    'lost.more': (p) => `و ${fa.number(p.count)} مورد دیگر`,
    'lost.optional': 'اختیاری',
    'lost.requiredHint': 'برای ثبت از دست رفتن، یک دلیل از دست رفتن انتخاب کنید.',
    'lost.placeholder': 'برای جست‌وجو یا ایجاد، تایپ کنید',
    'lost.create': (p) => `ایجاد «${p.name}»`,
    'lost.creating': (p) => `در حال ایجاد «${p.name}»…`,
    'lost.created': (p) => `دلیل از دست رفتن «${p.name}» ایجاد و انتخاب شد.`,
    'lost.unresolved': (p) => `«${p.name}» هنوز یک دلیل از دست رفتن نیست. آن را از فهرست انتخاب کنید یا با «ایجاد» اضافه‌اش کنید.`,
    'lost.noReasons': 'هنوز دلیلی برای از دست رفتن تعریف نشده است. برای ایجاد، نامی تایپ کنید.',
    'lost.counter': (p) => `${fa.number(p.count)} / ${fa.number(p.max)}`,
    'lost.counterStatus': (p) => `${fa.number(p.count)} از ${fa.number(p.max)} نویسه استفاده شده است`,
    'lost.saving': 'در حال ذخیره…',
    'lost.partlySaved': (p) => `${fa.number(p.saved)} از ${fa.number(p.total)} فرصت ثبت شد؛ بقیه ذخیره نشدند.`,
  },
});

/** Everything the dialog says: the common messages and its own. */
export const lostDialogCatalogue = mergeCatalogues(commonMessages, lostDialogMessages);

export type LostDialogMessages = (typeof lostDialogCatalogue)['en'];
