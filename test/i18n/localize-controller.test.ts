import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { LocalizeController } from '../../src/i18n/localize-controller.js';
import { resolveLocale } from '../../src/i18n/locales.js';
import { defineMessages } from '../../src/i18n/messages.js';

const probeMessages = defineMessages({
  en: { greeting: (p: { name: string }) => `Hello ${p.name}`, title: 'Deals' },
  'zh-Hans': { greeting: (p) => `你好,${p.name}`, title: '商机' },
  'zh-Hant': { greeting: (p) => `你好,${p.name}`, title: '商機' },
  fa: { greeting: (p) => `سلام ${p.name}`, title: 'فرصت‌ها' },
});

/** A tiny element that renders through the controller and counts its renders. */
class I18nProbe extends LitElement {
  readonly l10n = new LocalizeController(this, probeMessages);
  renders = 0;

  override render() {
    this.renders += 1;
    return litHtml`<p dir=${this.l10n.dir}>${this.l10n.t('greeting', { name: 'Ann' })}</p>
      <span>${this.l10n.format.number(1234)}</span>`;
  }

  get text(): string {
    return this.shadowRoot?.querySelector('p')?.textContent ?? '';
  }

  get renderedDir(): string | null {
    return this.shadowRoot?.querySelector('p')?.getAttribute('dir') ?? null;
  }

  get renderedNumber(): string {
    return this.shadowRoot?.querySelector('span')?.textContent ?? '';
  }
}
customElements.define('i18n-probe', I18nProbe);

/** Wraps a probe in its own shadow root, with a `lang`-able div around it. */
class I18nShell extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<div id="inner"><i18n-probe></i18n-probe></div>';
  }

  get inner(): HTMLElement {
    return this.shadowRoot!.getElementById('inner')!;
  }

  get probe(): I18nProbe {
    return this.shadowRoot!.querySelector('i18n-probe') as I18nProbe;
  }
}
customElements.define('i18n-shell', I18nShell);

/** Lets the attribute observer report, then the element render. */
async function settled(element: LitElement): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

describe('LocalizeController', () => {
  const root = document.documentElement;
  let savedLang: string | null;
  let savedDir: string | null;

  beforeEach(() => {
    savedLang = root.getAttribute('lang');
    savedDir = root.getAttribute('dir');
    root.setAttribute('lang', 'en');
    root.removeAttribute('dir');
  });

  afterEach(() => {
    for (const [name, value] of [['lang', savedLang], ['dir', savedDir]] as const) {
      if (value === null) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
  });

  it('follows a change of <html lang>', async () => {
    const probe = await fixture<I18nProbe>(html`<i18n-probe></i18n-probe>`);
    expect(probe.l10n.locale).to.equal('en');
    expect(probe.text).to.equal('Hello Ann');

    root.setAttribute('lang', 'zh-TW');
    await settled(probe);
    expect(probe.l10n.locale).to.equal('zh-Hant');
    expect(probe.text).to.equal('你好,Ann');
    expect(probe.l10n.msg.title).to.equal('商機');

    root.setAttribute('lang', 'fa-IR');
    await settled(probe);
    expect(probe.text).to.equal('سلام Ann');
    expect(probe.l10n.dir).to.equal('rtl');
    expect(probe.renderedDir).to.equal('rtl');
    expect(probe.renderedNumber).to.equal('۱٬۲۳۴');
  });

  it('follows a change of an ancestor lang, and falls back to <html> when it is removed', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><section><i18n-probe></i18n-probe></section></div>`);
    const probe = wrapper.querySelector('i18n-probe') as I18nProbe;
    await probe.updateComplete;
    expect(probe.l10n.locale).to.equal('zh-Hans');
    expect(probe.text).to.equal('你好,Ann');

    wrapper.setAttribute('lang', 'fa');
    await settled(probe);
    expect(probe.text).to.equal('سلام Ann');
    expect(probe.renderedDir).to.equal('rtl');

    wrapper.removeAttribute('lang');
    await settled(probe);
    expect(probe.l10n.locale).to.equal('en');
    expect(probe.renderedDir).to.equal('ltr');
  });

  it('follows lang on the element itself, nearer than any ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fa"><i18n-probe></i18n-probe></div>`);
    const probe = wrapper.querySelector('i18n-probe') as I18nProbe;
    probe.setAttribute('lang', 'zh-Hant-HK');
    await settled(probe);
    expect(probe.l10n.locale).to.equal('zh-Hant');
    expect(probe.l10n.dir).to.equal('ltr');
  });

  it('reads lang across shadow roots, and sees changes outside and inside them', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-SG"><i18n-shell></i18n-shell></div>`);
    const shell = wrapper.querySelector('i18n-shell') as I18nShell;
    const probe = shell.probe;
    await probe.updateComplete;
    expect(probe.l10n.locale).to.equal('zh-Hans');

    wrapper.setAttribute('lang', 'fa');
    await settled(probe);
    expect(probe.text).to.equal('سلام Ann');

    // A change inside the shadow root is invisible to an observer of the document alone.
    shell.inner.setAttribute('lang', 'en');
    await settled(probe);
    expect(probe.text).to.equal('Hello Ann');
    expect(probe.l10n.dir).to.equal('ltr');
  });

  it('takes the direction from the nearest dir, else from the locale', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fa"><div id="box"><i18n-probe></i18n-probe></div></div>`);
    const box = wrapper.querySelector('#box') as HTMLDivElement;
    const probe = wrapper.querySelector('i18n-probe') as I18nProbe;
    expect(probe.l10n.dir).to.equal('rtl');

    box.setAttribute('dir', 'ltr');
    await settled(probe);
    expect(probe.l10n.locale).to.equal('fa');
    expect(probe.renderedDir).to.equal('ltr');

    box.setAttribute('dir', 'auto');
    await settled(probe);
    expect(probe.renderedDir).to.equal('rtl');
  });

  it('does not let a dir above the element that sets the language override that language', async () => {
    root.setAttribute('dir', 'ltr');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fa"><i18n-probe></i18n-probe></div>`);
    const probe = wrapper.querySelector('i18n-probe') as I18nProbe;
    expect(probe.l10n.dir).to.equal('rtl');

    // With no lang below <html>, the page's own dir applies.
    root.setAttribute('lang', 'en');
    root.setAttribute('dir', 'rtl');
    wrapper.removeAttribute('lang');
    await settled(probe);
    expect(probe.l10n.locale).to.equal('en');
    expect(probe.l10n.dir).to.equal('rtl');
  });

  it('lets an explicit locale override every lang attribute until it is cleared', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><i18n-probe></i18n-probe></div>`);
    const probe = wrapper.querySelector('i18n-probe') as I18nProbe;

    probe.l10n.locale = 'fa-AF';
    await probe.updateComplete;
    expect(probe.l10n.locale).to.equal('fa');
    expect(probe.text).to.equal('سلام Ann');
    expect(probe.renderedDir).to.equal('rtl');

    wrapper.setAttribute('lang', 'zh-TW');
    await settled(probe);
    expect(probe.l10n.locale).to.equal('fa');

    probe.l10n.locale = null;
    await probe.updateComplete;
    expect(probe.l10n.locale).to.equal('zh-Hant');
    expect(probe.text).to.equal('你好,Ann');
  });

  it('falls back to the browser language when no lang is set anywhere', async () => {
    root.removeAttribute('lang');
    const probe = await fixture<I18nProbe>(html`<i18n-probe></i18n-probe>`);
    expect(probe.l10n.locale).to.equal(resolveLocale(navigator.language));
  });

  it('uses the page language for an element not yet in the document', () => {
    root.setAttribute('lang', 'zh-HK');
    const probe = document.createElement('i18n-probe') as I18nProbe;
    expect(probe.l10n.locale).to.equal('zh-Hant');
  });

  it('re-renders only when the resolved locale or direction changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><i18n-probe></i18n-probe></div>`);
    const probe = wrapper.querySelector('i18n-probe') as I18nProbe;
    await probe.updateComplete;
    const before = probe.renders;

    wrapper.setAttribute('lang', 'zh-SG');
    wrapper.setAttribute('title', 'unrelated');
    root.setAttribute('lang', 'fa');
    await settled(probe);
    expect(probe.renders).to.equal(before);

    wrapper.setAttribute('lang', 'zh-TW');
    await settled(probe);
    expect(probe.renders).to.equal(before + 1);
  });

  it('stops following the page when disconnected and resolves again when reconnected elsewhere', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><p lang="fa"></p><i18n-probe></i18n-probe></div>`);
    const probe = wrapper.querySelector('i18n-probe') as I18nProbe;
    const rendersBefore = probe.renders;
    probe.remove();

    root.setAttribute('lang', 'zh-CN');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(probe.renders).to.equal(rendersBefore);

    wrapper.querySelector('p')!.append(probe);
    await probe.updateComplete;
    expect(probe.l10n.locale).to.equal('fa');
    expect(probe.text).to.equal('سلام Ann');
  });

  it('shares one attribute observer among all elements of the page', async () => {
    const Original = window.MutationObserver;
    let created = 0;
    window.MutationObserver = class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        created += 1;
      }
    };
    try {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><i18n-probe></i18n-probe><i18n-probe></i18n-probe><i18n-probe></i18n-probe></div>`,
      );
      expect(created).to.be.at.most(1);
      root.setAttribute('lang', 'fa');
      const probes = [...wrapper.querySelectorAll('i18n-probe')] as I18nProbe[];
      await Promise.all(probes.map((probe) => settled(probe)));
      expect(probes.map((probe) => probe.text)).to.deep.equal(['سلام Ann', 'سلام Ann', 'سلام Ann']);
    } finally {
      window.MutationObserver = Original;
    }
  });

  it('falls back to English, then to the key, for a message a plain-JavaScript catalogue lacks', async () => {
    const partial = {
      en: { title: 'Deals', greeting: () => 'Hi' },
      'zh-Hans': { greeting: () => '嗨' },
      'zh-Hant': { greeting: () => '嗨' },
      fa: { greeting: () => 'درود' },
    } as unknown as typeof probeMessages;
    const host = document.createElement('i18n-probe') as I18nProbe;
    const controller = new LocalizeController(host, partial);
    controller.locale = 'fa';
    expect(controller.t('title')).to.equal('Deals');
    expect(controller.t('greeting', { name: 'x' })).to.equal('درود');
    expect(controller.t('missing' as 'title')).to.equal('missing');
  });
});
