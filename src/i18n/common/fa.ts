/** Persian messages shared by all elements; the English ones and the terms used are in ../common.ts. */
import { formatterFor } from '../format.js';
import type { CommonMessages } from '../common.js';

const fa = formatterFor('fa');

const messages: CommonMessages = {
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
};

export default messages;
