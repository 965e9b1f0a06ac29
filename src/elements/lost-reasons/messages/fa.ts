/** Persian messages of `<deal-lost-reasons>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostReasonsMessages } from '../messages.js';

const fa = formatterFor('fa');

const messages: LostReasonsMessages = {
  'reasons.title': 'دلایل از دست رفتن',
  'reasons.hint':
    'دلایل هرگز حذف نمی‌شوند. با بایگانی کردن یک دلیل، دیگر پیشنهاد نمی‌شود؛ فرصت‌هایی که با آن از دست رفته‌اند همچنان نامش را نشان می‌دهند.',
  'reasons.newLabel': 'دلیل جدید',
  'reasons.add': 'افزودن دلیل',
  'reasons.nameMissing': 'نامی برای دلیل بنویسید.',
  'reasons.duplicate': (p) => `دلیلی با نام «${p.name}» از قبل وجود دارد.`,
  'reasons.duplicateArchived': (p) =>
    `دلیلی با نام «${p.name}» از قبل وجود دارد و بایگانی شده است. برای خارج کردن آن از بایگانی، بایگانی‌شده‌ها را نمایش دهید.`,
  'reasons.added': (p) => `دلیل «${p.name}» افزوده شد.`,
  'reasons.showArchived': 'نمایش بایگانی‌شده‌ها',
  'reasons.archivedBadge': 'بایگانی‌شده',
  // Persian nouns stay singular after a number: "۳ فرصت از دست رفته".
  'reasons.usage': (p) => (p.count === 0 ? 'استفاده نشده' : fa.plural(p.count, { other: '# فرصت از دست رفته' })),
  'reasons.rename': 'تغییر نام',
  'reasons.renameLabel': (p) => `تغییر نام «${p.name}»`,
  'reasons.nameInputLabel': (p) => `نام جدید برای «${p.name}»`,
  'reasons.save': 'ذخیره',
  'reasons.renamed': (p) => `نام «${p.from}» به «${p.to}» تغییر کرد.`,
  'reasons.archive': 'بایگانی',
  'reasons.unarchive': 'خارج کردن از بایگانی',
  'reasons.archiveLabel': (p) => `بایگانی «${p.name}»`,
  'reasons.unarchiveLabel': (p) => `خارج کردن از بایگانی: «${p.name}»`,
  'reasons.archivedNotice': (p) => `«${p.name}» بایگانی شد و دیگر هنگام ثبت از دست رفتن پیشنهاد نمی‌شود.`,
  'reasons.unarchivedNotice': (p) => `«${p.name}» دوباره هنگام ثبت از دست رفتن پیشنهاد می‌شود.`,
  'reasons.empty': 'هنوز دلیلی تعریف نشده است. اولین دلیل را در بالا اضافه کنید.',
  'reasons.allArchived': 'همهٔ دلایل بایگانی شده‌اند. برای دیدن آن‌ها، بایگانی‌شده‌ها را نمایش دهید.',
};

export default messages;
