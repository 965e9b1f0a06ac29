import { expect } from '@open-wc/testing';
import { DealAdapterError, type DealAdapterErrorCode } from '../../src/adapters/errors.js';
import { DEFAULT_LOST_REASONS, DEFAULT_STAGES, SUITECRM_STAGES } from '../../src/model/defaults.js';
import {
  commonMessages,
  errorText,
  lostReasonName,
  priorityName,
  stageName,
  statusName,
  type CommonMessageKey,
  type CommonMessages,
} from '../../src/i18n/common.js';
import { SUPPORTED_LOCALES, type DealLocale } from '../../src/i18n/locales.js';
import {
  catalogueProblems,
  defineMessages,
  loadMessages,
  mergeCatalogues,
  translate,
  type MessageArgs,
} from '../../src/i18n/messages.js';

// Written as a record so that a new error code fails compilation here until
// it is listed (and so gets its text checked below).
const ERROR_CODES: Record<DealAdapterErrorCode, true> = {
  not_found: true,
  conflict: true,
  validation: true,
  network: true,
  timeout: true,
  quota_exceeded: true,
  storage_unavailable: true,
  invalid_response: true,
  unauthorized: true,
  unsupported: true,
};

// Sample parameters for every function message; a new one fails compilation
// here until it gets a sample.
type FunctionKey = { [K in CommonMessageKey]: CommonMessages[K] extends string ? never : K }[CommonMessageKey];
const SAMPLE_PARAMS: { [K in FunctionKey]: MessageArgs<CommonMessages[K]>[0] } = {
  'count.deals': { count: 3 },
};

describe('i18n message catalogues', () => {
  describe('defineMessages', () => {
    it('accepts a complete catalogue with matching parameters', async () => {
      const catalogue = defineMessages({
        en: { hello: 'Hello', moved: (p: { title: string; position: number }) => `${p.title} at ${p.position}` },
        'zh-Hans': { hello: '你好', moved: (p) => `${p.title} 位于 ${p.position}` },
        'zh-Hant': { hello: '你好', moved: (p) => `${p.title} 位於 ${p.position}` },
        fa: { hello: 'سلام', moved: (p) => `${p.title} در ${p.position}` },
      });
      expect(await catalogueProblems(catalogue)).to.deep.equal([]);
      expect(translate(catalogue.fa, 'hello')).to.equal('سلام');
      expect(translate(catalogue.en, 'moved', { title: 'Acme', position: 2 })).to.equal('Acme at 2');
    });

    it('rejects a locale that misses a key, at compile time and at run time', async () => {
      const incomplete = defineMessages({
        en: { hello: 'Hello', bye: 'Bye' },
        // @ts-expect-error: zh-Hans lacks "bye", which compilation must refuse.
        'zh-Hans': { hello: '你好' },
        'zh-Hant': { hello: '你好', bye: '再見' },
        fa: { hello: 'سلام', bye: 'خداحافظ' },
      });
      expect(await catalogueProblems(incomplete)).to.deep.equal(['zh-Hans: missing "bye"']);
    });

    it('rejects extra keys and other parameter types at compile time', async () => {
      const extra = defineMessages({
        en: { hello: 'Hello' },
        // @ts-expect-error: "typo" is not an English key.
        'zh-Hans': { hello: '你好', typo: 'x' },
        'zh-Hant': { hello: '你好' },
        fa: { hello: 'سلام' },
      });
      expect(await catalogueProblems(extra)).to.deep.equal(['zh-Hans: "typo" is not an English key']);

      defineMessages({
        en: { count: (p: { count: number }) => `${p.count}` },
        'zh-Hans': { count: (p) => `${p.count}` },
        // @ts-expect-error: the parameter must be a number, as in English.
        'zh-Hant': { count: (p: { count: string }) => p.count },
        fa: { count: (p) => `${p.count}` },
      });

      const wrongKind = defineMessages({
        en: { count: (p: { count: number }) => `${p.count}` },
        'zh-Hans': { count: (p) => `${p.count}` },
        'zh-Hant': { count: (p) => `${p.count}` },
        // @ts-expect-error: English has a function here, not text.
        fa: { count: 'چند' },
      });
      expect(await catalogueProblems(wrongKind)).to.deep.equal(['fa: "count" is a string, English has a function']);
    });

    it('reports blank texts and missing locales at run time', async () => {
      const catalogue = { en: { a: 'A' }, 'zh-Hans': { a: ' ' }, 'zh-Hant': { a: '甲' } } as never;
      expect(await catalogueProblems(catalogue)).to.deep.equal([
        'zh-Hans: "a" is empty',
        'fa: the catalogue has no messages for this locale',
      ]);
    });

    it('makes catalogues immutable, so one element cannot change what another shows', () => {
      const catalogue = defineMessages({ en: { a: 'A' }, 'zh-Hans': { a: '甲' }, 'zh-Hant': { a: '甲' }, fa: { a: 'الف' } });
      expect(Object.isFrozen(catalogue)).to.equal(true);
      expect(Object.isFrozen(catalogue.fa)).to.equal(true);
    });
  });

  describe('mergeCatalogues', () => {
    it('combines common and element messages, the element winning on a shared key', async () => {
      const own = defineMessages({
        en: { title: 'Board', 'action.close': 'Close board' },
        'zh-Hans': { title: '看板', 'action.close': '关闭看板' },
        'zh-Hant': { title: '看板', 'action.close': '關閉看板' },
        fa: { title: 'تابلو', 'action.close': 'بستن تابلو' },
      });
      const merged = mergeCatalogues(commonMessages, own);
      expect(await catalogueProblems(merged)).to.deep.equal([]);
      const zhHant = await loadMessages(merged, 'zh-Hant');
      expect(zhHant.title).to.equal('看板');
      expect(zhHant['status.lost']).to.equal('流失');
      expect(merged.en['action.close']).to.equal('Close board');
      expect(translate(await loadMessages(merged, 'fa'), 'count.deals', { count: 2 })).to.equal('۲ فرصت');
    });

    it('keeps a merge of two inline catalogues inline', () => {
      const a = defineMessages({ en: { a: 'A' }, 'zh-Hans': { a: '甲' }, 'zh-Hant': { a: '甲' }, fa: { a: 'الف' } });
      const b = defineMessages({ en: { b: 'B' }, 'zh-Hans': { b: '乙' }, 'zh-Hant': { b: '乙' }, fa: { b: 'ب' } });
      const merged = mergeCatalogues(a, b);
      // Readable at once, without loading: the type says so too.
      expect(merged.fa).to.deep.equal({ a: 'الف', b: 'ب' });
      expect(Object.isFrozen(merged.fa)).to.equal(true);
    });
  });

  describe('common messages', () => {
    // Every locale of the common messages, loaded once for the tests below.
    let common: Record<DealLocale, CommonMessages>;
    before(async () => {
      const loaded = await Promise.all(SUPPORTED_LOCALES.map((locale) => loadMessages(commonMessages, locale)));
      common = Object.fromEntries(SUPPORTED_LOCALES.map((locale, i) => [locale, loaded[i]!])) as Record<DealLocale, CommonMessages>;
    });

    it('define every key in every locale, none blank', async () => {
      expect(await catalogueProblems(commonMessages)).to.deep.equal([]);
    });

    it('give every function message a non-empty text in every locale', () => {
      for (const locale of SUPPORTED_LOCALES) {
        for (const [key, params] of Object.entries(SAMPLE_PARAMS)) {
          const text = translate(common[locale], key as FunctionKey, params as never);
          expect(text.trim(), `${locale} ${key}`).to.not.equal('');
        }
      }
    });

    it('are translated, not copied from English', () => {
      const english = common.en as Record<string, unknown>;
      for (const locale of ['zh-Hans', 'zh-Hant', 'fa'] as const) {
        const messages = common[locale] as Record<string, unknown>;
        const untranslated = Object.keys(english).filter(
          (key) => typeof english[key] === 'string' && messages[key] === english[key],
        );
        expect(untranslated, locale).to.deep.equal([]);
      }
    });

    it('count deals with the plural rules of each language', () => {
      const count = (locale: (typeof SUPPORTED_LOCALES)[number], n: number) =>
        translate(common[locale], 'count.deals', { count: n });
      expect(count('en', 1)).to.equal('1 deal');
      expect(count('en', 0)).to.equal('0 deals');
      expect(count('en', 1234)).to.equal('1,234 deals');
      expect(count('zh-Hans', 1)).to.equal('1个商机');
      expect(count('zh-Hans', 5)).to.equal('5个商机');
      expect(count('zh-Hant', 5)).to.equal('5個商機');
      expect(count('fa', 1)).to.equal('۱ فرصت');
      expect(count('fa', 25)).to.equal('۲۵ فرصت');
    });

    it('use the seed terms for statuses and actions', () => {
      expect(statusName(common['zh-Hans'], 'lost')).to.equal('丢失');
      expect(statusName(common['zh-Hant'], 'lost')).to.equal('流失');
      expect(statusName(common['zh-Hant'], 'won')).to.equal('成交');
      expect(statusName(common.fa, 'won')).to.equal('برد');
      expect(statusName(common.en, 'open')).to.equal('Open');
      expect(common['zh-Hant']['action.markLost']).to.equal('標記為流失');
      expect(common['zh-Hans']['action.restore']).to.equal('恢复');
      expect(common.en['ribbon.lost']).to.equal('LOST');
    });

    it('name every preset stage in every locale, translated while untouched', () => {
      for (const stage of [...DEFAULT_STAGES, ...SUITECRM_STAGES]) {
        expect(stageName(common.en, stage), stage.id).to.equal(stage.name);
        for (const locale of ['zh-Hans', 'zh-Hant', 'fa'] as const) {
          const shown = stageName(common[locale], stage);
          expect(shown, `${locale} ${stage.id}`).to.not.equal(stage.name);
          expect(shown.trim(), `${locale} ${stage.id}`).to.not.equal('');
        }
      }
      expect(stageName(common.fa, { id: 'new', name: 'New' })).to.equal('جدید');
      expect(stageName(common['zh-Hans'], { id: 'needs-analysis', name: 'Needs Analysis' })).to.equal('需求分析');
    });

    it('show a renamed or custom stage as typed', () => {
      expect(stageName(common['zh-Hans'], { id: 'new', name: 'Inbox' })).to.equal('Inbox');
      expect(stageName(common.fa, { id: 'custom-1', name: 'Demo <b>' })).to.equal('Demo <b>');
      // An id that happens to equal a message key's suffix but is not a preset stays as typed.
      expect(stageName(common.fa, { id: 'too-expensive', name: 'Too expensive' })).to.equal('Too expensive');
    });

    it('translate default lost reasons while untouched, custom ones shown as typed', () => {
      for (const reason of DEFAULT_LOST_REASONS) {
        expect(lostReasonName(common.en, reason)).to.equal(reason.name);
        expect(lostReasonName(common['zh-Hant'], reason)).to.not.equal(reason.name);
      }
      expect(lostReasonName(common['zh-Hant'], DEFAULT_LOST_REASONS[0]!)).to.equal('太貴');
      expect(lostReasonName(common.fa, { id: 'too-expensive', name: 'Price' })).to.equal('Price');
      expect(lostReasonName(common.fa, { id: 'r-9', name: 'رقیب ارزان‌تر' })).to.equal('رقیب ارزان‌تر');
    });

    it('have a distinct user-facing text for every adapter error code', () => {
      for (const locale of SUPPORTED_LOCALES) {
        const texts = Object.keys(ERROR_CODES).map((code) =>
          errorText(common[locale], new DealAdapterError(code as DealAdapterErrorCode, 'developer text')),
        );
        expect(new Set(texts).size, locale).to.equal(texts.length);
        for (const text of texts) expect(text).to.not.contain('developer text');
      }
      expect(errorText(common.en, new DealAdapterError('quota_exceeded', 'x'))).to.equal(
        "Your browser's storage is full. Free some space and try again; nothing was saved.",
      );
    });

    it('fall back to a general error text for anything that is not an adapter error', () => {
      expect(errorText(common.en, new TypeError('boom'))).to.equal(common.en['error.unknown']);
      expect(errorText(common.fa, 'boom')).to.equal(common.fa['error.unknown']);
    });

    it('name priorities 0 to 3 and clamp anything else', () => {
      expect([0, 1, 2, 3].map((p) => priorityName(common.en, p))).to.deep.equal(['Low', 'Medium', 'High', 'Very high']);
      expect(priorityName(common.en, 7)).to.equal('Very high');
      expect(priorityName(common.en, -1)).to.equal('Low');
      expect(priorityName(common.en, Number.NaN)).to.equal('Low');
      expect(priorityName(common['zh-Hans'], 3)).to.equal('非常高');
    });
  });
});
