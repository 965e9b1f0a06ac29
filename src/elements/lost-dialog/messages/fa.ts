/** Persian messages of `<deal-lost-dialog>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostDialogMessages } from '../messages.js';

const fa = formatterFor('fa');

const messages: LostDialogMessages = {
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
};

export default messages;
