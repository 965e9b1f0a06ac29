/** Persian messages of `<deal-pipeline-board>`; the English ones and the terms used are in ../messages.ts. */
import type { BoardMessages } from '../messages.js';

const messages: BoardMessages = {
  'board.label': 'قیف فروش',
  'board.summary': (p) => `${p.deals}، در مجموع ${p.amount}`,
  'board.missingRates': (p) => `مبالغ به ${p.currencies} نرخ تبدیل ندارند و در جمع‌ها حساب نشده‌اند.`,
  'board.instructions':
    'با Space یا Enter کارت را بردارید؛ سپس با کلیدهای جهت جابه‌جا کنید، با Space یا Enter رها کنید و با Escape لغو کنید. با Tab به کارهای کارت می‌رسید؛ با کلیک روی کارت، آن باز می‌شود.',

  'column.total': 'جمع',
  'column.weighted': 'وزنی',
  'column.fold': (p) => `جمع کردن ستون «${p.stage}»`,
  'column.unfold': (p) => `${p.stage}، ${p.deals}: باز کردن`,
  'column.add': (p) => `افزودن فرصت به «${p.stage}»`,

  'health.label': 'تاریخ‌های اتمام مورد انتظار',
  'health.soon': 'سررسید تا ۷ روز آینده',
  'health.later': 'سررسید بعدتر',
  'health.part': (p) => `${p.part}: ${p.deals}. فقط همین‌ها را نشان بده`,

  'create.label': (p) => `فرصت جدید در «${p.stage}»`,
  'create.submit': 'افزودن',
  'create.titleRequired': 'عنوان فرصت را وارد کنید.',
  'create.amountInvalid': 'مبلغی برابر با ۰ یا بیشتر وارد کنید.',
  'create.created': (p) => `«${p.title}» در «${p.stage}» ایجاد شد.`,

  'card.open': 'باز کردن',
  'card.owner': (p) => `فروشنده: ${p.owner}`,
  'card.closeDate': (p) => `تاریخ اتمام مورد انتظار ${p.date}`,
  'card.overdue': (p) => `سررسید گذشته: تاریخ اتمام مورد انتظار ${p.date}`,
  'card.priority': (p) => `اولویت: ${p.level}`,

  'move.pickedUp': (p) =>
    `«${p.title}» در «${p.stage}»، جایگاه ${p.position} از ${p.total} برداشته شد. با کلیدهای جهت جابه‌جا کنید، با Space یا Enter رها کنید و با Escape لغو کنید.`,
  'move.moved': (p) => `«${p.title}» به «${p.stage}»، جایگاه ${p.position} از ${p.total} منتقل شد.`,
  'move.dropped': (p) => `«${p.title}» در «${p.stage}»، جایگاه ${p.position} از ${p.total} رها شد.`,
  'move.cancelled': (p) => `جابه‌جایی لغو شد. «${p.title}» به «${p.stage}»، جایگاه ${p.position} از ${p.total} برگشت.`,
  'move.lostStays': (p) => `«${p.title}» از دست رفته است و در مرحلهٔ خود می‌ماند. برای بردن آن به مرحلهٔ دیگر، ابتدا آن را بازگردانی کنید.`,
  'move.notAllowed': (p) => `جابه‌جایی «${p.title}» مجاز نبود.`,

  'done.won': (p) => `«${p.title}» به‌عنوان برد ثبت شد.`,
  'done.lost': (p) => `«${p.title}» به‌عنوان از دست رفته ثبت شد.`,
  'done.restored': (p) => `«${p.title}» بازگردانی شد.`,

  'zone.won': 'برای ثبت برد اینجا رها کنید',
  'zone.lost': 'برای ثبت از دست رفتن اینجا رها کنید',

  'filter.label': 'فیلترهای فعال',
  'filter.remove': (p) => `حذف فیلتر: ${p.label}`,
  'filter.clearAll': 'پاک کردن همهٔ فیلترها',
  'filter.field': (p) => `${p.field}: ${p.value}`,
  'filter.from': (p) => `از ${p.date}`,
  'filter.until': (p) => `تا ${p.date}`,
  'filter.between': (p) => `${p.from} تا ${p.to}`,
  'filter.allStatuses': 'همه',
  'filter.lostDate': 'تاریخ از دست رفتن',
  'filter.text': 'جست‌وجو',
  'filter.quoted': (p) => `«${p.text}»`,
  'filter.noCloseDate': 'بدون تاریخ',

  'alert.dismiss': 'بستن پیام',
};

export default messages;
