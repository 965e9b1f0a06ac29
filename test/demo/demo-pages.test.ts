/**
 * The demo pages, loaded as a visitor would: in an iframe, from the test
 * runner's server (which serves the project root and compiles TypeScript).
 * Every console error, uncaught exception and unhandled rejection of the
 * page fails the test.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { commonMessages } from '../../src/i18n/common.js';
import { loadMessages } from '../../src/i18n/messages.js';
import { SUPPORTED_LOCALES, type DealLocale } from '../../src/i18n/locales.js';

type PageWindow = Window & typeof globalThis & { __dealkitErrorHook?: boolean };

interface LoadedPage {
  frame: HTMLIFrameElement;
  win: PageWindow;
  doc: Document;
  errors: string[];
}

/** What went wrong on the page, in words. */
function hookErrors(win: PageWindow, errors: string[]): void {
  const consoleError = win.console.error.bind(win.console);
  win.console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError(...args);
  };
  win.addEventListener('error', (event) => errors.push(`uncaught: ${event.message}`));
  win.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${String(event.reason)}`));
  win.__dealkitErrorHook = true;
}

/**
 * Loads a page in an iframe and waits until `ready` says so. The hooks are
 * set on the iframe's first (blank) window: a same-origin page that replaces
 * it reuses that window, so the hooks see the page's scripts from the start.
 */
async function loadPage(path: string, ready: (page: LoadedPage) => boolean): Promise<LoadedPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 1200px; block-size: 900px; border: 0';
  frame.src = path;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  const errors: string[] = [];
  hookErrors(frame.contentWindow as PageWindow, errors);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  expect(win.__dealkitErrorHook, 'the error hooks must survive the navigation').to.equal(true);
  const page: LoadedPage = { frame, win, doc: frame.contentDocument!, errors };
  try {
    await waitUntil(() => ready(page) || errors.length > 0, '', { timeout: 20_000, interval: 50 });
  } catch {
    const undefinedTags = [...new Set([...page.doc.querySelectorAll('*')].map((e) => e.localName))].filter(
      (name) => name.startsWith('deal-') && !win.customElements.get(name),
    );
    expect.fail(
      `${path} did not get ready in 20 s` +
        (undefinedTags.length > 0 ? `; these tags are not defined: ${undefinedTags.map((t) => `<${t}>`).join(', ')}` : ''),
    );
  }
  // Late errors (a rejected promise after the first render) count too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return page;
}

/** The store of the page's provider, read through the provider's public `store`. */
const storeOf = (doc: Document) =>
  (doc.querySelector('deal-provider') as (Element & { store?: { status: string; filter: { statuses?: string[] }; rates: Record<string, number> } }) | null)?.store;

const filterRoot = (doc: Document) => doc.querySelector('deal-lost-filter')?.shadowRoot ?? null;

/** Ready: the store has loaded and the filter shows its status toggles with counts. */
function isReady({ doc }: LoadedPage): boolean {
  return storeOf(doc)?.status === 'ready' && (filterRoot(doc)?.querySelectorAll('[part~="status-toggle"] .count').length ?? 0) === 3;
}

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('demo pages', function () {
  this.timeout(60_000);
  const pages: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of pages.splice(0)) frame.remove();
  });

  for (const locale of SUPPORTED_LOCALES) {
    it(`demo/index.html loads without errors in ${locale}`, async () => {
      const page = await loadPage(`/demo/index.html?lang=${locale}`, isReady);
      pages.push(page.frame);
      const { doc, win, errors } = page;
      expect(errors).to.deep.equal([]);
      expect(doc.documentElement.lang).to.equal(locale);
      expect(doc.documentElement.dir).to.equal(locale === 'fa' ? 'rtl' : 'ltr');
      expect((doc.getElementById('language') as HTMLSelectElement).value).to.equal(locale);
      // The elements speak the page's language (once its messages, loaded on demand, are in).
      await (doc.querySelector('deal-lost-filter') as Element & { updateComplete: Promise<boolean> }).updateComplete;
      const lostToggle = filterRoot(doc)!.querySelector('[part~="status-toggle"][data-status="lost"] span');
      expect(text(lostToggle)).to.equal((await loadMessages(commonMessages, locale as DealLocale))['status.lost']);
      const tags = ['deal-provider', 'deal-lost-filter', 'deal-pipeline-board', 'deal-lost-dialog', 'deal-forecast-chart', 'deal-lost-reasons'];
      for (const tag of tags) {
        expect(win.customElements.get(tag), `<${tag}> is defined`).to.not.equal(undefined);
        const element = doc.querySelector(tag);
        if (element && tag !== 'deal-provider' && tag !== 'deal-lost-dialog') {
          expect(element.shadowRoot?.childElementCount ?? 0, `<${tag}> rendered`).to.be.greaterThan(0);
        }
      }
      expect(doc.querySelectorAll('#walkthrough li').length).to.equal(5);
    });
  }

  it('demo/index.html switches language, theme, keeps the filter in the address and logs events', async () => {
    const page = await loadPage('/demo/index.html?lang=en', isReady);
    pages.push(page.frame);
    const { doc, win, errors } = page;

    const language = doc.getElementById('language') as HTMLSelectElement;
    language.value = 'fa';
    language.dispatchEvent(new win.Event('change'));
    expect(doc.documentElement.lang).to.equal('fa');
    expect(doc.documentElement.dir).to.equal('rtl');
    expect(new URLSearchParams(win.location.search).get('lang')).to.equal('fa');
    await waitUntil(() => text(filterRoot(doc)!.querySelector('[data-status="lost"] span')) === 'از دست رفته');

    const theme = doc.getElementById('theme') as HTMLSelectElement;
    theme.value = 'dark';
    theme.dispatchEvent(new win.Event('change'));
    expect(win.getComputedStyle(doc.querySelector('deal-lost-filter')!).colorScheme).to.equal('dark');

    (filterRoot(doc)!.querySelector('[data-status="lost"]') as HTMLButtonElement).click();
    expect(storeOf(doc)!.filter.statuses).to.deep.equal(['open', 'won', 'lost']);
    const params = new URLSearchParams(win.location.search);
    expect(params.get('status')).to.equal('open,won,lost');
    expect(params.get('lang')).to.equal('fa');
    expect(text(doc.querySelector('#event-log li code'))).to.equal('deal-filter-change');
    expect(errors).to.deep.equal([]);
  });

  it('demo/drop-in.html works from the built bundle alone', async () => {
    const bundle = await fetch('/dist/dealkit.bundle.js');
    if (!bundle.ok) {
      expect.fail('dist/dealkit.bundle.js is missing: run `npm run build` before the tests (the drop-in page uses the built bundle).');
    }
    const page = await loadPage('/demo/drop-in.html', isReady);
    pages.push(page.frame);
    const { doc, win, errors } = page;
    expect(errors).to.deep.equal([]);
    // One script, the bundle, and plain tags (the test server adds its own web socket script).
    const scripts = [...doc.querySelectorAll('script')].filter((s) => !s.getAttribute('src')?.startsWith('/__web-dev-server'));
    expect(scripts.map((s) => [s.type, s.getAttribute('src')])).to.deep.equal([['module', '../dist/dealkit.bundle.js']]);
    const tags = [...new Set([...doc.body.querySelectorAll('*')].map((e) => e.localName).filter((name) => name.startsWith('deal-')))];
    expect(tags).to.include.members(['deal-provider', 'deal-lost-filter']);
    for (const tag of tags) {
      expect(win.customElements.get(tag), `<${tag}> is defined by the bundle`).to.not.equal(undefined);
      if (tag !== 'deal-provider') expect(doc.querySelector(tag)!.shadowRoot?.childElementCount ?? 0, `<${tag}> rendered`).to.be.greaterThan(0);
    }
    // The rates come from the provider's attribute: every sample currency converts, so no total leaves deals out.
    expect(storeOf(doc)!.rates).to.include({ EUR: 1.08, GBP: 1.27 });
    const board = doc.querySelector('deal-pipeline-board')!.shadowRoot!;
    expect(board.querySelector('.missing-rates'), 'no missing-rate warning on the board').to.equal(null);
    (filterRoot(doc)!.querySelector('[data-status="lost"]') as HTMLButtonElement).click();
    expect(storeOf(doc)!.filter.statuses).to.deep.equal(['open', 'won', 'lost']);
    expect(errors).to.deep.equal([]);
  });
});
