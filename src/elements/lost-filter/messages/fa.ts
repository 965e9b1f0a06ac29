/** Persian messages of `<deal-lost-filter>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostFilterMessages } from '../messages.js';

const fa = formatterFor('fa');

const messages: LostFilterMessages = {
  'filter.label': 'فیلتر فرصت‌ها',
  'filter.statuses': 'نمایش فرصت‌های',
  'filter.lastStatus': 'دست‌کم یک وضعیت باید نمایش داده شود.',
  'filter.search': 'جست‌وجوی فرصت‌ها',
  'filter.searchPlaceholder': 'عنوان، شرکت یا مخاطب',
  'filter.stageHint': 'فرصت‌های از دست رفته در مرحله‌ای شمرده می‌شوند که در آن از دست رفته‌اند.',
  'filter.lostDate': 'تاریخ از دست رفتن',
  'filter.noOwners': 'هنوز فروشنده‌ای وجود ندارد.',
  'filter.noReasons': 'هنوز دلیلی برای از دست رفتن ثبت نشده است.',
  'filter.archived': (p) => `${p.name} (بایگانی‌شده)`,
  'filter.count': (p) => fa.plural(p.count, { other: '# فرصت' }),

  'range.any': 'هر زمان',
  'range.this-month': 'این ماه',
  'range.last-month': 'ماه گذشته',
  'range.next-month': 'ماه آینده',
  'range.this-quarter': 'این سه‌ماهه',
  'range.this-year': 'امسال',
  'range.custom': 'بازهٔ دلخواه',
  'range.from': 'از',
  'range.to': 'تا',

  'chips.label': 'فیلترهای فعال',
  'chip.field': (p) => `${p.field}: ${p.value}`,
  'chip.search': (p) => `جست‌وجو: «${p.text}»`,
  'chip.between': (p) => `${p.from} تا ${p.to}`,
  'chip.from': (p) => `از ${p.date}`,
  'chip.until': (p) => `تا ${p.date}`,
  'chip.remove': (p) => `حذف فیلتر ${p.label}`,
  'chip.none': 'فیلتری جز فرصت‌های باز و برد وجود ندارد.',

  'analysis.title': 'چرا فرصت‌ها از دست می‌روند',
  'analysis.groupBy': 'گروه‌بندی بر اساس',
  'analysis.scope': 'فرصت‌های از دست رفته‌ای که با فیلترهای دیگر مطابقت دارند، چه «از دست رفته» نمایش داده شود چه نشود.',
  'analysis.total': (p) => `${fa.plural(p.count, { other: '# فرصت از دست رفته' })}، ${p.amount}`,
  'analysis.empty': 'هیچ فرصت از دست رفته‌ای با این فیلترها مطابقت ندارد.',
  'analysis.missingRates': (p) =>
    fa.plural(p.count, { other: `برای # فرصت به ${p.currencies} نرخ تبدیل وجود ندارد؛ مبلغ آن‌ها در جمع‌ها حساب نشده است.` }),
  'analysis.error': 'تحلیل فرصت‌های از دست رفته محاسبه نشد.',
  'analysis.choose': 'گروهی را انتخاب کنید تا فرصت‌های از دست رفتهٔ آن نمایش داده شود؛ با انتخاب دوباره، آن فیلتر حذف می‌شود.',
  'groupBy.reason': 'دلیل از دست رفتن',
  'groupBy.stage': 'مرحله',
  'groupBy.owner': 'فروشنده',
  'groupBy.month': 'ماه',
  'group.noReason': 'بدون دلیل',
  'group.noOwner': 'بدون فروشنده',

  'list.show': 'نمایش فهرست',
  'list.hide': 'پنهان کردن فهرست',
  'list.label': 'فرصت‌های مطابق',
  'list.select': 'انتخاب',
  'list.selectAll': (p) => fa.plural(p.count, { other: 'انتخاب همهٔ # فرصت' }),
  'list.selectDeal': (p) => `انتخاب ${p.title}`,
  'list.selected': (p) => `${fa.number(p.count)} مورد انتخاب شده`,
  'list.lostOn': 'تاریخ از دست رفتن',
  'list.empty': 'هیچ فرصتی با فیلتر فعلی مطابقت ندارد.',
  'bulk.label': 'فرصت‌های انتخاب‌شده',
  'bulk.restore': (p) => `بازگردانی (${fa.number(p.count)})`,
  'bulk.markLost': (p) => `ثبت از دست رفتن (${fa.number(p.count)})`,
  'bulk.dialogMissing': 'پنجرهٔ دلیل از دست رفتن در این صفحه در دسترس نیست.',

  'confirm.title': 'بازگردانی فرصت‌های از دست رفته',
  'confirm.body': (p) =>
    fa.plural(p.count, {
      other: '# فرصت از دست رفته بازگردانده شود؟ هر کدام با احتمال قبلی خود به مرحله‌ای برمی‌گردد که در آن از دست رفته بود.',
    }),
  'confirm.history': 'دلیل از دست رفتن و یادداشت پایانی در تاریخچهٔ هر فرصت می‌ماند.',
  'confirm.restore': (p) => fa.plural(p.count, { other: 'بازگردانی # فرصت' }),

  'announce.restored': (p) => fa.plural(p.count, { other: '# فرصت بازگردانده شد.' }),
  'announce.markedLost': (p) => fa.plural(p.count, { other: '# فرصت به‌عنوان از دست رفته ثبت شد.' }),
};

export default messages;
