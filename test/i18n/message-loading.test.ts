/**
 * Locales loaded on demand: the cache, the fallback to English, merged
 * catalogues, the run-time check of locale files, and how the localize
 * controller shows English until a locale arrives.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import type { DealLocale } from '../../src/i18n/locales.js';
import { LocalizeController } from '../../src/i18n/localize-controller.js';
import {
  catalogueProblems,
  defineMessages,
  loadMessages,
  mergeCatalogues,
  messagesFor,
  preloadLocale,
  type Catalogue,
  type MessageLoader,
} from '../../src/i18n/messages.js';
import { greetingMessages, type GreetingMessages } from './fixtures/greeting-messages.js';

/** A loader that counts its calls and answers only when told to. */
function deferredLoader<M>(messages: M) {
  const pending: Array<() => void> = [];
  const fail: Array<(error: Error) => void> = [];
  const control = {
    calls: 0,
    loader: (() => {
      control.calls += 1;
      return new Promise((resolve, reject) => {
        pending.push(() => resolve({ default: messages }));
        fail.push(reject);
      });
    }) as MessageLoader<M>,
    resolve: () => pending.splice(0).forEach((answer) => answer()),
    reject: (error: Error) => fail.splice(0).forEach((answer) => answer(error)),
  };
  return control;
}

/** A loader that counts its calls around a real one. */
function counted<M>(load: MessageLoader<M>) {
  const control = {
    calls: 0,
    loader: (() => {
      control.calls += 1;
      return load();
    }) as MessageLoader<M>,
  };
  return control;
}

/** Replaces console.warn while `run` runs, and returns what was warned. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

const ENGLISH = { hello: 'Hello' };
type Hello = typeof ENGLISH;

/** A one-message catalogue whose other locales come from the given loaders. */
function helloCatalogue(loaders: Partial<Record<Exclude<DealLocale, 'en'>, MessageLoader<Hello>>> = {}): Catalogue<Hello> {
  const never: MessageLoader<Hello> = () => Promise.reject(new Error('not used in this test'));
  return defineMessages({
    en: ENGLISH,
    'zh-Hans': loaders['zh-Hans'] ?? never,
    'zh-Hant': loaders['zh-Hant'] ?? never,
    fa: loaders.fa ?? never,
  });
}

/** Renders one message through a LocalizeController over `LazyProbe.catalogue`. */
class LazyProbe extends LitElement {
  static catalogue: Catalogue<Hello> = helloCatalogue();
  readonly l10n = new LocalizeController(this, LazyProbe.catalogue);
  renders = 0;

  override render() {
    this.renders += 1;
    return litHtml`<p>${this.l10n.t('hello')}</p>`;
  }

  get text(): string {
    return this.shadowRoot?.querySelector('p')?.textContent ?? '';
  }
}
customElements.define('lazy-probe', LazyProbe);

/** Lets the attribute observer report and pending loads settle, then the element render. */
async function settled(element: LitElement): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

describe('messages loaded on demand', () => {
  it('keep English inline and load another locale from its file once, then read it synchronously', async () => {
    const fa = counted(() => import('./fixtures/greeting/fa.js'));
    const catalogue = defineMessages({ ...greetingMessages, fa: fa.loader });
    expect(messagesFor(catalogue, 'en')?.hello).to.equal('Hello');
    expect(messagesFor(catalogue, 'fa')).to.equal(undefined);
    expect(fa.calls).to.equal(0);

    const [first, second] = await Promise.all([loadMessages(catalogue, 'fa'), loadMessages(catalogue, 'fa')]);
    expect(fa.calls).to.equal(1);
    expect(first).to.equal(second);
    expect(first.hello).to.equal('سلام');
    expect(first.deals({ count: 3 })).to.equal('3 فرصت');
    expect(messagesFor(catalogue, 'fa')).to.equal(first);
    expect(Object.isFrozen(first)).to.equal(true);

    await loadMessages(catalogue, 'fa');
    expect(fa.calls).to.equal(1);
  });

  it('check locale files at run time as the compiler does', async () => {
    expect(await catalogueProblems(greetingMessages)).to.deep.equal([]);

    const withFile = (fa: MessageLoader<GreetingMessages>) => defineMessages({ ...greetingMessages, fa });
    expect(await catalogueProblems(withFile(() => import('./fixtures/greeting/missing-key.js')))).to.deep.equal(['fa: missing "deals"']);
    expect(await catalogueProblems(withFile(() => import('./fixtures/greeting/extra-key.js')))).to.deep.equal([
      'fa: "typo" is not an English key',
    ]);
    const untyped = defineMessages({
      ...greetingMessages,
      // @ts-expect-error: the file's messages lack "deals", so they do not have the English type.
      fa: () => import('./fixtures/greeting/untyped.js'),
    });
    expect(await catalogueProblems(untyped)).to.deep.equal(['fa: missing "deals"']);
  });

  it('report a locale file that cannot be loaded as a problem, not as English', async () => {
    const broken = helloCatalogue({
      'zh-Hans': () => Promise.reject(new Error('offline')),
      'zh-Hant': () => Promise.resolve({ default: { hello: '你好' } }),
      fa: () => Promise.resolve({ default: { hello: 'سلام' } }),
    });
    let problems: string[] = [];
    await warningsDuring(async () => {
      problems = await catalogueProblems(broken);
    });
    expect(problems).to.deep.equal(['zh-Hans: the messages could not be loaded (offline)']);
  });

  it('fall back to English after a failed load, warn once, and do not try again', async () => {
    const failing = deferredLoader(ENGLISH);
    const catalogue = helloCatalogue({ 'zh-Hant': failing.loader });
    const own = defineMessages({
      en: { title: 'Board' },
      'zh-Hant': { title: '看板' },
      'zh-Hans': { title: '看板' },
      fa: { title: 'تابلو' },
    });
    const merged = mergeCatalogues(catalogue, own);
    const warnings = await warningsDuring(async () => {
      const loads = Promise.all([loadMessages(catalogue, 'zh-Hant'), loadMessages(merged, 'zh-Hant')]);
      failing.reject(new TypeError('Failed to fetch dynamically imported module'));
      const [plain, both] = await loads;
      expect(plain).to.equal(ENGLISH);
      // A merged locale is all English rather than half translated.
      expect(both).to.deep.equal({ hello: 'Hello', title: 'Board' });
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('zh-Hant').and.contain('English');
    expect(messagesFor(catalogue, 'zh-Hant')).to.equal(ENGLISH);
    expect(await loadMessages(catalogue, 'zh-Hant')).to.equal(ENGLISH);
    expect(failing.calls).to.equal(1);
  });

  it('load both parts of a merged locale at once, and share them with other catalogues', async () => {
    const base = deferredLoader({ hello: 'سلام' });
    const extra = deferredLoader({ title: 'تابلو' });
    const baseCatalogue = helloCatalogue({ fa: base.loader });
    const extraCatalogue = defineMessages({
      en: { title: 'Board' },
      'zh-Hans': { title: '看板' },
      'zh-Hant': { title: '看板' },
      fa: extra.loader,
    });
    const merged = mergeCatalogues(baseCatalogue, extraCatalogue);
    expect(merged.en).to.deep.equal({ hello: 'Hello', title: 'Board' });

    const loading = loadMessages(merged, 'fa');
    await Promise.resolve();
    // Both loads started before either answered.
    expect([base.calls, extra.calls]).to.deep.equal([1, 1]);
    expect(messagesFor(merged, 'fa')).to.equal(undefined);
    base.resolve();
    extra.resolve();
    expect(await loading).to.deep.equal({ hello: 'سلام', title: 'تابلو' });
    expect(messagesFor(merged, 'fa')).to.deep.equal({ hello: 'سلام', title: 'تابلو' });

    // Another element merging the same base reuses its loaded messages.
    const other = mergeCatalogues(baseCatalogue, helloCatalogue({ fa: () => Promise.resolve({ default: { hello: 'درود' } }) }));
    expect((await loadMessages(other, 'fa')).hello).to.equal('درود');
    expect(messagesFor(baseCatalogue, 'fa')?.hello).to.equal('سلام');
    expect(base.calls).to.equal(1);
  });

  it('preload a locale of given catalogues, or of every catalogue defined so far', async () => {
    await preloadLocale('zh-Hans', greetingMessages);
    expect(messagesFor(greetingMessages, 'zh-Hans')?.hello).to.equal('你好');

    const zhHant = counted(() => import('./fixtures/greeting/zh-Hant.js'));
    const later = defineMessages({ ...greetingMessages, 'zh-Hant': zhHant.loader });
    await preloadLocale('zh-Hant');
    expect(zhHant.calls).to.equal(1);
    expect(messagesFor(later, 'zh-Hant')?.deals({ count: 2 })).to.equal('2 個商機');
  });
});

describe('LocalizeController with locales loaded on demand', () => {
  const root = document.documentElement;
  let savedLang: string | null;

  beforeEach(() => {
    savedLang = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
  });

  afterEach(() => {
    if (savedLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', savedLang);
  });

  it('shows English until the locale arrives, then re-renders the host', async () => {
    const zhHans = deferredLoader({ hello: '你好' });
    LazyProbe.catalogue = helloCatalogue({ 'zh-Hans': zhHans.loader });
    const probe = await fixture<LazyProbe>(html`<lazy-probe lang="zh-CN"></lazy-probe>`);
    expect(probe.l10n.locale).to.equal('zh-Hans');
    expect(probe.l10n.loaded).to.equal(false);
    expect(probe.text).to.equal('Hello');
    expect(probe.l10n.msg).to.equal(ENGLISH);
    expect(zhHans.calls).to.equal(1);
    const rendersBefore = probe.renders;

    zhHans.resolve();
    await probe.l10n.ready;
    await probe.updateComplete;
    expect(probe.l10n.loaded).to.equal(true);
    expect(probe.text).to.equal('你好');
    expect(probe.renders).to.equal(rendersBefore + 1);
    expect(zhHans.calls).to.equal(1);
  });

  it('does not let a locale that was left meanwhile replace the current one', async () => {
    const zhHans = deferredLoader({ hello: '你好' });
    const fa = deferredLoader({ hello: 'سلام' });
    LazyProbe.catalogue = helloCatalogue({ 'zh-Hans': zhHans.loader, fa: fa.loader });
    const probe = await fixture<LazyProbe>(html`<lazy-probe lang="zh-CN"></lazy-probe>`);
    probe.setAttribute('lang', 'fa');
    await settled(probe);
    expect([zhHans.calls, fa.calls]).to.deep.equal([1, 1]);
    expect(probe.text).to.equal('Hello');

    fa.resolve();
    await probe.l10n.ready;
    await probe.updateComplete;
    expect(probe.text).to.equal('سلام');
    const rendersBefore = probe.renders;

    zhHans.resolve();
    await loadMessages(LazyProbe.catalogue, 'zh-Hans');
    await settled(probe);
    expect(probe.text).to.equal('سلام');
    expect(probe.renders, 'no re-render for a locale no longer shown').to.equal(rendersBefore);

    // Coming back to it later needs no new load.
    probe.setAttribute('lang', 'zh-Hans');
    await settled(probe);
    expect(probe.text).to.equal('你好');
    expect(zhHans.calls).to.equal(1);
  });

  it('keeps rendering English, without throwing, when the locale cannot be loaded', async () => {
    const fa = deferredLoader({ hello: 'سلام' });
    LazyProbe.catalogue = helloCatalogue({ fa: fa.loader });
    await warningsDuring(async () => {
      const probe = await fixture<LazyProbe>(html`<lazy-probe lang="fa"></lazy-probe>`);
      fa.reject(new TypeError('Failed to fetch dynamically imported module'));
      await probe.l10n.ready;
      await settled(probe);
      expect(probe.text).to.equal('Hello');
      expect(probe.l10n.loaded).to.equal(true);
      expect(probe.l10n.dir).to.equal('rtl');
      const rendersAfterFailure = probe.renders;
      await settled(probe);
      expect(probe.renders, 'no render loop retrying the load').to.equal(rendersAfterFailure);
    });
    expect(fa.calls).to.equal(1);
  });
});
