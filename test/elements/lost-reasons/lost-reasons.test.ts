import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/define/lost-reasons.js';
import '../../../src/define/provider.js';
import type { DealLostReasons } from '../../../src/elements/lost-reasons/lost-reasons.js';
import { lostReasonsCatalogue } from '../../../src/elements/lost-reasons/messages.js';
import type { DealProvider } from '../../../src/elements/provider/deal-provider.js';
import type { DealErrorEvent } from '../../../src/events/deal-error.js';
import { catalogueProblems } from '../../../src/i18n/messages.js';
import type { DealStore } from '../../../src/store/deal-store.js';
import { accessibleName, adapterWithDeals, networkError, type ScriptedAdapter } from '../lost-dialog/helpers.js';

interface Setup {
  adapter: ScriptedAdapter;
  store: DealStore;
  element: DealLostReasons;
  ids: string[];
}

/**
 * Four deals: two lost as "Too expensive", one as "Not enough stock", one
 * still open (so "We don't have people/skills" is used by none).
 */
async function setup(options: { locale?: string } = {}): Promise<Setup> {
  const { adapter, ids } = await adapterWithDeals([
    { title: 'Acme', amount: 100 },
    { title: 'Globex', amount: 200 },
    { title: 'Initech', amount: 300 },
    { title: 'Umbrella', amount: 400 },
  ]);
  await adapter.markLost(ids[0]!, { reasonId: 'too-expensive' });
  await adapter.markLost(ids[1]!, { reasonId: 'too-expensive' });
  await adapter.markLost(ids[2]!, { reasonId: 'not-enough-stock' });
  const provider = await fixture<DealProvider>(html`
    <deal-provider .adapter=${adapter} locale=${options.locale ?? ''}><deal-lost-reasons></deal-lost-reasons></deal-provider>
  `);
  await provider.store!.ready;
  const element = provider.querySelector('deal-lost-reasons')!;
  await element.updateComplete;
  return { adapter, store: provider.store!, element, ids };
}

const part = <T extends Element = HTMLElement>(element: DealLostReasons, name: string): T =>
  element.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const items = (element: DealLostReasons): HTMLElement[] => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
const itemNamed = (element: DealLostReasons, name: string): HTMLElement =>
  items(element).find((item) => item.querySelector('[part~="name"]')?.textContent?.trim() === name)!;
const names = (element: DealLostReasons): string[] =>
  items(element).map((item) => item.querySelector('[part~="name"]')!.textContent!.trim());
const within = <T extends Element = HTMLElement>(item: Element, name: string): T => item.querySelector<T>(`[part~="${name}"]`)!;
const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('<deal-lost-reasons>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('has its messages in every language', async () => {
    expect(await catalogueProblems(lostReasonsCatalogue)).to.deep.equal([]);
  });

  it('lists the active reasons with the number of lost deals using each, and offers no delete', async () => {
    const { element } = await setup();
    expect(part(element, 'list').getAttribute('role')).to.equal('list');
    expect(accessibleName(part(element, 'list'))).to.equal('Lost reasons');
    expect(names(element)).to.deep.equal(['Too expensive', 'Not enough stock', "We don't have people/skills"]);
    const counts = items(element).map((item) => within(item, 'count').textContent!.trim());
    expect(counts).to.deep.equal(['2 lost deals', '1 lost deal', 'Not used']);
    const buttons = [...element.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons.some((text) => /delete|remove/i.test(text))).to.be.false;
    expect(part(element, 'hint').textContent).to.include('never deleted');
  });

  it('names every control', async () => {
    const { element } = await setup();
    expect(accessibleName(part(element, 'add-input'))).to.equal('New reason');
    expect(accessibleName(part(element, 'add-button'))).to.equal('Add reason');
    expect(accessibleName(part(element, 'show-archived'))).to.equal('Show archived');
    const item = itemNamed(element, 'Too expensive');
    expect(accessibleName(within(item, 'rename-button'))).to.equal('Rename "Too expensive"');
    expect(accessibleName(within(item, 'archive-button'))).to.equal('Archive "Too expensive"');
    await expect(element).to.be.accessible();
  });

  it('adds a reason', async () => {
    const { element, store, adapter } = await setup();
    part<HTMLInputElement>(element, 'add-input').focus();
    await sendKeys({ type: '  Chose a competitor ' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => names(element).includes('Chose a competitor'), 'the reason was not added');
    expect((await adapter.listLostReasons()).map((r) => r.name)).to.include('Chose a competitor');
    expect(store.activeLostReasons.map((r) => r.name)).to.include('Chose a competitor');
    expect(part<HTMLInputElement>(element, 'add-input').value).to.equal('');
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('"Chose a competitor" added');
  });

  it('rejects a duplicate or empty name with a visible message', async () => {
    const { element, store, adapter } = await setup();
    const before = store.lostReasons.length;
    part<HTMLInputElement>(element, 'add-input').focus();
    await sendKeys({ type: 'TOO expensive' });
    await click(part(element, 'add-button'));
    await element.updateComplete;
    const problem = part(element, 'add-problem');
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(problem.textContent).to.equal('A lost reason named "Too expensive" already exists.');
    expect(part(element, 'add-input').getAttribute('aria-invalid')).to.equal('true');
    expect(store.lostReasons.length).to.equal(before);
    expect(adapter.createReasonCalls).to.equal(0);

    await store.updateLostReason('no-skills', { archived: true });
    part<HTMLInputElement>(element, 'add-input').select();
    await sendKeys({ type: "we don't have people/skills" });
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(problem.textContent).to.include('already exists, archived');

    part<HTMLInputElement>(element, 'add-input').select();
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(problem.textContent).to.equal('Type a name for the reason.');
    expect(adapter.createReasonCalls).to.equal(0);
  });

  it('renames a reason inline: Enter saves, and focus returns to Rename', async () => {
    const { element, store, adapter } = await setup();
    within(itemNamed(element, 'Not enough stock'), 'rename-button').focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    const input = part<HTMLInputElement>(element, 'name-input');
    expect(deepActive()).to.equal(input);
    expect(input.value).to.equal('Not enough stock');
    expect(accessibleName(input)).to.equal('New name for "Not enough stock"');

    await sendKeys({ type: 'Out of stock' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => names(element).includes('Out of stock'), 'the rename was not shown');
    expect((await adapter.listLostReasons()).find((r) => r.id === 'not-enough-stock')!.name).to.equal('Out of stock');
    expect(store.lostReason('not-enough-stock')!.name).to.equal('Out of stock');
    expect(within(itemNamed(element, 'Out of stock'), 'count').textContent!.trim(), 'deals keep the reason').to.equal('1 lost deal');
    await waitUntil(() => deepActive() === within(itemNamed(element, 'Out of stock'), 'rename-button'));
  });

  it('Escape abandons a rename without saving', async () => {
    const { element, store } = await setup();
    await click(within(itemNamed(element, 'Too expensive'), 'rename-button'));
    await element.updateComplete;
    await sendKeys({ type: 'Pricey' });
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part~="name-input"]')).to.equal(null);
    expect(names(element)).to.include('Too expensive');
    expect(store.lostReason('too-expensive')!.name).to.equal('Too expensive');
    expect(deepActive()).to.equal(within(itemNamed(element, 'Too expensive'), 'rename-button'));
  });

  it('refuses to rename a reason to the name of another', async () => {
    const { element, store } = await setup();
    await click(within(itemNamed(element, 'Too expensive'), 'rename-button'));
    await element.updateComplete;
    await sendKeys({ type: 'not ENOUGH stock' });
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(part(element, 'rename-problem').textContent).to.equal('A lost reason named "Not enough stock" already exists.');
    expect(store.lostReason('too-expensive')!.name).to.equal('Too expensive');
    expect(part(element, 'name-input')).to.exist;
  });

  it('archives a reason: hidden from the list and the dialog, still naming its deals; unarchives it', async () => {
    const { element, store, adapter, ids } = await setup();
    const archive = within(itemNamed(element, 'Too expensive'), 'archive-button');
    archive.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => store.lostReason('too-expensive')!.archived, 'the reason was not archived');
    await element.updateComplete;
    expect(names(element)).to.deep.equal(['Not enough stock', "We don't have people/skills"]);
    expect((await adapter.listLostReasons()).find((r) => r.id === 'too-expensive')!.archived).to.be.true;
    expect(store.activeLostReasons.map((r) => r.id)).not.to.include('too-expensive');
    expect(store.lostReason(store.deal(ids[0]!)!.lostReasonId)!.name).to.equal('Too expensive');
    expect(deepActive(), 'focus moves to the next reason').to.equal(within(itemNamed(element, 'Not enough stock'), 'archive-button'));

    await click(part(element, 'show-archived'));
    await element.updateComplete;
    expect(element.showArchived).to.be.true;
    const archived = itemNamed(element, 'Too expensive');
    expect(within(archived, 'badge').textContent!.trim()).to.equal('Archived');
    expect(within(archived, 'count').textContent!.trim()).to.equal('2 lost deals');
    const unarchive = within(archived, 'archive-button');
    expect(accessibleName(unarchive)).to.equal('Unarchive "Too expensive"');
    await click(unarchive);
    await waitUntil(() => !store.lostReason('too-expensive')!.archived, 'the reason was not unarchived');
    expect(store.activeLostReasons.map((r) => r.id)).to.include('too-expensive');
  });

  it('shows a refused archive as an error, fires deal-error, and rolls back', async () => {
    const { element, store, adapter } = await setup();
    adapter.reasonError = networkError();
    const failed = oneEvent(element, 'deal-error') as Promise<DealErrorEvent>;
    await click(within(itemNamed(element, 'Not enough stock'), 'archive-button'));
    const event = await failed;
    expect(event.detail.error.code).to.equal('network');
    expect(event.detail.command).to.equal('updateLostReason');
    await element.updateComplete;
    expect(part(element, 'error').textContent).to.include('The server could not be reached');
    expect(store.lostReason('not-enough-stock')!.archived).to.be.false;
    expect(names(element)).to.include('Not enough stock');
  });

  it('updates the counts when deals are lost elsewhere', async () => {
    const { element, store, ids } = await setup();
    await store.markLost(ids[3]!, { reasonId: 'no-skills', note: '' });
    await element.updateComplete;
    expect(within(itemNamed(element, "We don't have people/skills"), 'count').textContent!.trim()).to.equal('1 lost deal');
  });

  it('renders reason names full of HTML as text', async () => {
    const { element, store } = await setup();
    const markup = '<img src="x" onerror="window.__pwnedReasons = true">';
    await store.ensureLostReason(markup);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    expect(names(element)).to.include(markup);
    expect(accessibleName(within(itemNamed(element, markup), 'rename-button'))).to.equal(`Rename "${markup}"`);
    expect((window as { __pwnedReasons?: boolean }).__pwnedReasons).to.equal(undefined);
  });

  it('speaks Persian right to left with translated default names', async () => {
    const { element } = await setup({ locale: 'fa' });
    expect(part(element, 'base').getAttribute('dir')).to.equal('rtl');
    expect(part(element, 'heading').textContent).to.equal('دلایل از دست رفتن');
    expect(names(element)[0]).to.equal('خیلی گران است');
    expect(within(items(element)[0]!, 'count').textContent!.trim()).to.equal('۲ فرصت از دست رفته');
    const item = items(element)[0]!;
    const name = within(item, 'name').getBoundingClientRect();
    const archive = within(item, 'archive-button').getBoundingClientRect();
    expect(archive.right, 'buttons sit at the inline end, on the left').to.be.lessThan(name.left);
  });
});
