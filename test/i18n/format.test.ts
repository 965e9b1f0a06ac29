import { expect } from '@open-wc/testing';
import { Formatter, formatterFor } from '../../src/i18n/format.js';
import { SUPPORTED_LOCALES } from '../../src/i18n/locales.js';

const PERSIAN_DIGIT = /[۰-۹]/;
const ASCII_DIGIT = /[0-9]/;

// Bidi marks and the narrow no-break spaces ICU puts around symbols and
// times, removed so the tests compare what a reader sees.
const plain = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\u00a0\u202f]/g, ' ');

describe('i18n formatting', () => {
  const en = new Formatter('en');
  const zhHans = new Formatter('zh-Hans');
  const zhHant = new Formatter('zh-Hant');
  const fa = new Formatter('fa');

  describe('numbers and money', () => {
    it('formats US dollars in English and yuan in Simplified Chinese', () => {
      expect(en.currency(1234.5, 'USD')).to.equal('$1,234.50');
      expect(zhHans.currency(1234.5, 'CNY')).to.equal('¥1,234.50');
      expect(en.currency(-20, 'EUR')).to.equal('-€20.00');
      expect(en.currency(1500, 'JPY')).to.equal('¥1,500');
    });

    it('writes Persian amounts with Persian digits only', () => {
      const text = fa.currency(1234.5, 'USD');
      expect(text).to.match(PERSIAN_DIGIT);
      expect(text).to.not.match(ASCII_DIGIT);
      expect(plain(text)).to.equal('$۱٬۲۳۴٫۵۰');
      expect(fa.number(1234567)).to.equal('۱٬۲۳۴٬۵۶۷');
      expect(fa.percent(42)).to.equal('۴۲٪');
    });

    it('shortens amounts in compact notation for axis labels', () => {
      expect(en.currency(1_250_000, 'USD', { compact: true })).to.equal('$1.3M');
      expect(en.currency(12_000, 'USD', { compact: true })).to.equal('$12K');
      expect(zhHans.currency(12_000, 'CNY', { compact: true })).to.equal('¥1.2万');
      const persian = fa.currency(12_000, 'USD', { compact: true });
      expect(persian).to.match(PERSIAN_DIGIT).and.not.match(ASCII_DIGIT);
      expect(persian.length).to.be.lessThan(fa.currency(12_000, 'USD').length + 4);
    });

    it('formats every currency the browser knows, in every locale, without throwing', () => {
      const codes = Intl.supportedValuesOf('currency');
      expect(codes.length).to.be.greaterThan(100);
      for (const locale of SUPPORTED_LOCALES) {
        const formatter = new Formatter(locale);
        for (const code of codes) {
          expect(formatter.currency(9876.5, code), `${locale} ${code}`).to.be.a('string').and.not.equal('');
          expect(formatter.currency(9876.5, code, { compact: true }), `${locale} ${code}`).to.not.equal('');
        }
      }
    });

    it('accepts lower-case and unlisted but well-formed codes, and shows malformed ones beside the amount', () => {
      expect(en.currency(5, 'usd')).to.equal('$5.00');
      expect(plain(en.currency(5, 'XYZ'))).to.equal('XYZ 5.00');
      expect(en.currency(5, 'US$')).to.equal('5 US$');
      expect(en.currency(1500, '', { compact: true })).to.equal('1.5K ');
      expect(fa.currency(5, 'dollars')).to.equal('۵ dollars');
    });

    it('formats percentages given from 0 to 100', () => {
      expect(en.percent(0)).to.equal('0%');
      expect(en.percent(100)).to.equal('100%');
      expect(en.percent(33.333)).to.equal('33.3%');
      expect(zhHant.percent(70)).to.equal('70%');
    });
  });

  describe('dates', () => {
    it('shows a calendar date as the same day, whatever the time zone', () => {
      // Midnight UTC is still the previous evening west of UTC; a formatter
      // that treated the date as an instant there would show Dec 31.
      const west = new Formatter('en', { timeZone: 'America/Los_Angeles' });
      const east = new Formatter('en', { timeZone: 'Pacific/Kiritimati' });
      for (const formatter of [en, west, east]) {
        expect(formatter.date('2027-01-01')).to.equal('Jan 1, 2027');
        expect(formatter.date('2026-12-31')).to.equal('Dec 31, 2026');
      }
      expect(zhHans.date('2027-01-01')).to.equal('2027年1月1日');
    });

    it('shows Persian dates in the Solar Hijri calendar with Persian digits', () => {
      expect(plain(fa.date('2027-01-01'))).to.equal('۱۱ دی ۱۴۰۵');
      expect(plain(fa.date('2027-03-21'))).to.equal('۱ فروردین ۱۴۰۶');
    });

    it('returns text it cannot read as a date unchanged', () => {
      expect(en.date('2027-02-30')).to.equal('2027-02-30');
      expect(en.date('soon')).to.equal('soon');
      expect(en.dateTime('')).to.equal('');
      expect(en.month('2027-13-01')).to.equal('2027-13-01');
    });

    it('shows instants in the formatter time zone', () => {
      const west = new Formatter('en', { timeZone: 'America/Los_Angeles' });
      expect(plain(west.dateTime('2027-01-01T00:00:00.000Z'))).to.equal('Dec 31, 2026, 4:00 PM');
      expect(west.date('2027-01-01T00:00:00.000Z')).to.equal('Dec 31, 2026');
      const tokyo = new Formatter('zh-Hans', { timeZone: 'Asia/Tokyo' });
      expect(tokyo.dateTime('2027-01-01T00:00:00.000Z')).to.contain('2027年1月1日');
      expect(new Formatter('fa', { timeZone: 'UTC' }).dateTime('2027-01-01T12:30:00Z')).to.not.match(ASCII_DIGIT);
    });

    it('falls back to the browser time zone when given an unknown one', () => {
      const formatter = new Formatter('en', { timeZone: 'Mars/Olympus_Mons' });
      expect(formatter.dateTime('2027-06-15T12:00:00Z')).to.contain('2027');
      expect(formatter.date('2027-06-15')).to.equal('Jun 15, 2027');
    });

    it('says relative days in words', () => {
      expect(en.relativeDays(0)).to.equal('today');
      expect(en.relativeDays(1)).to.equal('tomorrow');
      expect(en.relativeDays(-1)).to.equal('yesterday');
      expect(en.relativeDays(3)).to.equal('in 3 days');
      expect(en.relativeDays(-12)).to.equal('12 days ago');
      expect(zhHans.relativeDays(3)).to.equal('3天后');
      expect(fa.relativeDays(3)).to.match(PERSIAN_DIGIT).and.not.match(ASCII_DIGIT);
    });
  });

  describe('chart periods', () => {
    it('labels quarters in each language', () => {
      expect(en.quarter('2027-01-01')).to.equal('Q1 2027');
      expect(en.quarter('2027-12-31')).to.equal('Q4 2027');
      expect(zhHans.quarter('2027-04-01')).to.equal('2027年第2季度');
      expect(zhHant.quarter('2027-07-15')).to.equal('2027年第3季');
      expect(fa.quarter('2027-01-01')).to.equal('سه‌ماههٔ اول ۲۰۲۷');
      expect(fa.quarter('2027-10-01')).to.equal('سه‌ماههٔ چهارم ۲۰۲۷');
    });

    it('labels Gregorian months, also in Persian, where a bucket is a Gregorian month', () => {
      expect(en.month('2027-01-01')).to.equal('Jan 2027');
      expect(zhHans.month('2027-01-01')).to.equal('2027年1月');
      // Not "دی ۱۴۰۵": that Solar Hijri month starts on Dec 22, not Jan 1.
      expect(plain(fa.month('2027-01-01'))).to.equal('ژانویه ۲۰۲۷');
    });

    it('labels weeks by the day they start on', () => {
      expect(en.week('2027-01-04')).to.equal('Jan 4, 2027');
      expect(zhHant.week('2027-01-04')).to.equal('2027年1月4日');
      expect(plain(fa.week('2027-01-04'))).to.equal('۱۴ دی ۱۴۰۵');
      expect(en.period('week', '2027-01-04')).to.equal('Jan 4, 2027');
      expect(en.period('month', '2027-01-01')).to.equal('Jan 2027');
      expect(en.period('quarter', '2027-01-01')).to.equal('Q1 2027');
    });

    it('gives consecutive periods distinct labels in every locale', () => {
      const starts = {
        week: Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 11, 28 + 7 * i)).toISOString().slice(0, 10)),
        month: Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2026, i, 1)).toISOString().slice(0, 10)),
        quarter: Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 3 * i, 1)).toISOString().slice(0, 10)),
      };
      for (const locale of SUPPORTED_LOCALES) {
        const formatter = new Formatter(locale);
        for (const [kind, dates] of Object.entries(starts) as Array<['week' | 'month' | 'quarter', string[]]>) {
          const labels = dates.map((date) => formatter.period(kind, date));
          expect(new Set(labels).size, `${locale} ${kind}`).to.equal(dates.length);
          if (locale === 'fa') for (const label of labels) expect(label, label).to.not.match(ASCII_DIGIT);
        }
      }
    });
  });

  describe('lists and plurals', () => {
    it('joins lists as each language does', () => {
      expect(en.list(['Ann', 'Bo', 'Cy'])).to.equal('Ann, Bo, and Cy');
      expect(zhHans.list(['甲', '乙', '丙'])).to.equal('甲、乙和丙');
      expect(fa.list(['الف', 'ب'])).to.equal('الف و ب');
      expect(en.list([])).to.equal('');
    });

    it('picks plural forms by the rules of the locale', () => {
      expect(en.plural(1, { one: '# deal', other: '# deals' })).to.equal('1 deal');
      expect(en.plural(2, { one: '# deal', other: '# deals' })).to.equal('2 deals');
      expect(zhHans.pluralCategory(1)).to.equal('other');
      expect(fa.plural(1000, { one: '# فرصت', other: '# فرصت' })).to.equal('۱٬۰۰۰ فرصت');
    });
  });

  it('shares one formatter per locale', () => {
    expect(formatterFor('fa')).to.equal(formatterFor('fa'));
    expect(formatterFor('fa')).to.not.equal(formatterFor('en'));
    expect(formatterFor('zh-Hant').locale).to.equal('zh-Hant');
  });
});
