import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { DealElement } from '../../../src/internal/deal-element.js';
import { commonMessages } from '../../../src/i18n/common.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DealAdapterError } from '../../../src/adapters/errors.js';
import { defaultStore } from '../../../src/store/default-store.js';
import type { DealStore } from '../../../src/store/deal-store.js';
import type { DealErrorEvent } from '../../../src/events/deal-error.js';
import type { DealProvider } from '../../../src/elements/provider/deal-provider.js';

/** A minimal consumer: shows how many deals its store has. */
class StoreProbe extends DealElement {
  constructor() {
    super(commonMessages);
  }
  get currentStore(): DealStore | null {
    return this.store;
  }
  protected override render() {
    return litHtml`<span>${this.store?.deals.size ?? 'none'}</span>`;
  }
}
customElements.define('test-store-probe', StoreProbe);

const defineProvider = () => import('../../../src/define/provider.js');

describe('<deal-provider>', () => {
  it('gives its store to an element that was upgraded before the provider was defined', async () => {
    // The provider tag is not defined yet: the probe asks for a store first.
    const host = await fixture<HTMLElement>(html`
      <div><deal-provider storage="memory" seed="demo"><test-store-probe></test-store-probe></deal-provider></div>
    `);
    const probe = host.querySelector<StoreProbe>('test-store-probe')!;
    expect(probe.currentStore).to.equal(null);
    await defineProvider();
    const provider = host.querySelector<DealProvider>('deal-provider')!;
    await provider.updateComplete;
    expect(probe.currentStore).to.equal(provider.store);
    await provider.store!.ready;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal(String(provider.store!.deals.size));
    expect(provider.store!.deals.size).to.be.greaterThan(40);
  });

  it('gives its store to elements inside it, in memory, seeded on demand', async () => {
    await defineProvider();
    const provider = await fixture<DealProvider>(html`
      <deal-provider storage="memory"><div><test-store-probe></test-store-probe></div></deal-provider>
    `);
    const probe = provider.querySelector<StoreProbe>('test-store-probe')!;
    expect(probe.currentStore).to.equal(provider.store);
    await provider.store!.ready;
    expect(provider.store!.deals.size).to.equal(0);
    expect(provider.store!.stages.map((s) => s.name)).to.deep.equal(['New', 'Qualified', 'Proposition', 'Won']);
  });

  it('uses an adapter given as a property, and a new store when it changes', async () => {
    await defineProvider();
    const first = new MemoryAdapter();
    await first.createDeal({ title: 'One' });
    const provider = await fixture<DealProvider>(html`
      <deal-provider .adapter=${first}><test-store-probe></test-store-probe></deal-provider>
    `);
    const probe = provider.querySelector<StoreProbe>('test-store-probe')!;
    await provider.store!.ready;
    expect(provider.store!.deals.size).to.equal(1);
    const firstStore = provider.store;
    provider.adapter = new MemoryAdapter();
    await provider.updateComplete;
    expect(provider.store).not.to.equal(firstStore);
    expect(probe.currentStore).to.equal(provider.store);
  });

  it('offers the SuiteCRM stage preset', async () => {
    await defineProvider();
    const provider = await fixture<DealProvider>(html`<deal-provider storage="memory" stages="suitecrm"></deal-provider>`);
    await provider.store!.ready;
    expect(provider.store!.stages).to.have.length(9);
    expect(provider.store!.stages.at(-1)).to.include({ name: 'Closed Won', won: true });
  });

  it('passes locale, currency and rates to the store', async () => {
    await defineProvider();
    const provider = await fixture<DealProvider>(
      html`<deal-provider storage="memory" locale="fa" currency="EUR" .rates=${{ USD: 0.9 }}></deal-provider>`,
    );
    expect(provider.store).to.include({ locale: 'fa', currency: 'EUR' });
    provider.currency = 'GBP';
    await provider.updateComplete;
    expect(provider.store!.currency).to.equal('GBP');
  });

  it('reads rates from a JSON attribute, so a page without script can set them', async () => {
    await defineProvider();
    const provider = await fixture<DealProvider>(
      html`<deal-provider storage="memory" currency="USD" rates='{"EUR": 1.08, "GBP": 1.27}'></deal-provider>`,
    );
    expect(provider.store!.rates).to.deep.equal({ EUR: 1.08, GBP: 1.27 });
    provider.setAttribute('rates', '{"EUR": 1.1}');
    await provider.updateComplete;
    expect(provider.store!.rates).to.deep.equal({ EUR: 1.1 });
  });

  it('reports a bad rates attribute and keeps only the usable rates', async () => {
    await defineProvider();
    const logged: string[] = [];
    const original = console.error;
    console.error = (message: unknown) => void logged.push(String(message));
    try {
      const provider = await fixture<DealProvider>(
        html`<deal-provider storage="memory" rates='{"EUR": 1.08, "GBP": "1.27", "JPY": -1}'></deal-provider>`,
      );
      expect(provider.store!.rates).to.deep.equal({ EUR: 1.08 });
      expect(logged.join('\n')).to.contain('GBP').and.contain('JPY');
      logged.length = 0;
      provider.setAttribute('rates', '{EUR: 1.08}');
      await provider.updateComplete;
      expect(provider.store!.rates).to.deep.equal({});
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain('not JSON');
    } finally {
      console.error = original;
    }
  });

  it('fires deal-error for refusals no element ran, with a sentence for people', async () => {
    await defineProvider();
    const adapter = new MemoryAdapter();
    const deal = await adapter.createDeal({ title: 'A' });
    adapter.markWon = () => Promise.reject(new DealAdapterError('quota_exceeded', 'full'));
    const provider = await fixture<DealProvider>(html`<deal-provider .adapter=${adapter}></deal-provider>`);
    await provider.store!.ready;
    const fired = oneEvent(provider, 'deal-error') as Promise<DealErrorEvent>;
    void provider.store!.markWon(deal.id).catch(() => undefined);
    const event = await fired;
    expect(event.detail.error.code).to.equal('quota_exceeded');
    expect(event.detail.command).to.equal('markWon');
    expect(event.detail.message).to.match(/storage is full/);
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('lets a lone element use the page-wide default store on IndexedDB', async () => {
    const probe = await fixture<StoreProbe>(html`<test-store-probe></test-store-probe>`);
    await Promise.resolve();
    expect(probe.currentStore).to.equal(defaultStore());
    await defaultStore().ready;
    expect(defaultStore().status).to.equal('ready');
    expect(defaultStore().notice).to.equal(null);
  });

  it('defining twice is harmless', async () => {
    const module = await defineProvider();
    const { defineElement } = await import('../../../src/internal/define.js');
    expect(() => defineElement('deal-provider', module.DealProvider)).not.to.throw();
    class Other extends HTMLElement {}
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('deal-provider', Other);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('deal-provider')).to.equal(module.DealProvider);
    expect(warnings).to.have.length(1);
  });
});
