import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { NO_VALUE_KEY } from '../../../src/analytics/lost.js';
import { DealAdapterError } from '../../../src/adapters/errors.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/forecast-chart.js';
import '../../../src/define/lost-filter.js';
import '../../../src/define/pipeline-board.js';
import '../../../src/define/provider.js';
import type { DealLostDialog } from '../../../src/elements/lost-dialog/lost-dialog.js';
import type { DealLostFilter } from '../../../src/elements/lost-filter/lost-filter.js';
import { lostFilterMessages } from '../../../src/elements/lost-filter/messages.js';
import type { DealProvider } from '../../../src/elements/provider/deal-provider.js';
import type { DealFilterChangeEvent } from '../../../src/events/deal-filter-change.js';
import { catalogueProblems } from '../../../src/i18n/messages.js';
import { DEMO_RATES_TO_USD, demoData, generateDeals } from '../../../src/model/sample-data.js';
import type { DataSet, Deal } from '../../../src/model/schemas.js';
import type { DealStore } from '../../../src/store/deal-store.js';

const NOW = '2026-03-15T12:00:00.000Z';

interface Setup {
  provider: DealProvider;
  filter: DealLostFilter;
  store: DealStore;
  data: DataSet;
}

async function setup(
  options: { data?: DataSet; view?: string; groupBy?: string; syncUrl?: boolean; locale?: string; rates?: boolean } = {},
): Promise<Setup> {
  const data = options.data ?? demoData({ now: NOW });
  const adapter = new MemoryAdapter(structuredClone(data), { now: () => new Date().toISOString() });
  const provider = await fixture<DealProvider>(html`
    <deal-provider .adapter=${adapter} .rates=${options.rates === false ? {} : DEMO_RATES_TO_USD} locale=${options.locale ?? 'en'}>
      <deal-lost-filter
        today="2026-03-15"
        view=${options.view ?? 'summary'}
        group-by=${options.groupBy ?? 'reason'}
        ?sync-url=${options.syncUrl ?? false}
        search-delay="200"
      ></deal-lost-filter>
    </deal-provider>
  `);
  const store = provider.store!;
  await store.ready;
  const filter = provider.querySelector('deal-lost-filter')!;
  await filter.updateComplete;
  return { provider, filter, store, data };
}

const shadow = (filter: DealLostFilter): ShadowRoot => filter.shadowRoot!;
const part = <T extends Element = HTMLElement>(filter: DealLostFilter, name: string): T =>
  shadow(filter).querySelector<T>(`[part~="${name}"]`)!;
const parts = <T extends Element = HTMLElement>(filter: DealLostFilter, name: string): T[] => [
  ...shadow(filter).querySelectorAll<T>(`[part~="${name}"]`),
];
const toggle = (filter: DealLostFilter, status: string) =>
  shadow(filter).querySelector<HTMLButtonElement>(`[part~="status-toggle"][data-status="${status}"]`)!;
const facetBox = (filter: DealLostFilter, facet: string, value: string) =>
  shadow(filter).querySelector<HTMLInputElement>(`fieldset[data-facet="${facet}"] input[data-value="${CSS.escape(value)}"]`)!;
const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The counts a facet shows, by value. */
function shownCounts(filter: DealLostFilter, facet: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const box of shadow(filter).querySelectorAll<HTMLInputElement>(`fieldset[data-facet="${facet}"] input[data-value]`)) {
    const count = Number(text(box.closest('label')!.querySelector('.count')).replace(/,/g, ''));
    if (count > 0) counts.set(box.dataset['value']!, count);
  }
  return counts;
}

/** Counts by a key, computed here independently of the element. */
function tally(deals: readonly Deal[], key: (deal: Deal) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const deal of deals) {
    const k = key(deal);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Clicks the middle of an element with the real mouse. */
async function click(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });
const toUsd = (deal: Deal): number => (deal.currency === 'USD' ? deal.amount : deal.amount * DEMO_RATES_TO_USD[deal.currency]!);

/** Records the events the element fires. */
function recordEvents(filter: DealLostFilter): string[] {
  const events: string[] = [];
  for (const type of ['input', 'change', 'deal-filter-change']) filter.addEventListener(type, () => events.push(type));
  return events;
}

describe('<deal-lost-filter>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('has its messages in every language', async () => {
    expect(await catalogueProblems(lostFilterMessages)).to.deep.equal([]);
  });

  it('shows Open and Won pressed and Lost not, as a pipeline does', async () => {
    const { filter, store } = await setup();
    expect(toggle(filter, 'open').getAttribute('aria-pressed')).to.equal('true');
    expect(toggle(filter, 'won').getAttribute('aria-pressed')).to.equal('true');
    expect(toggle(filter, 'lost').getAttribute('aria-pressed')).to.equal('false');
    expect(store.filter).to.deep.equal({ statuses: ['open', 'won'] });
    expect(part(filter, 'clear-button').hasAttribute('disabled')).to.equal(true);
  });

  it('counts every facet from the seed data, each with the other narrowings applied', async () => {
    const { filter, store, data } = await setup();
    const deals = data.deals;
    const lost = deals.filter((d) => d.status === 'lost');
    const shown = deals.filter((d) => d.status !== 'lost');
    expect(shownCounts(filter, 'stageIds')).to.deep.equal(tally(shown, (d) => d.stageId));
    expect(shownCounts(filter, 'owners')).to.deep.equal(tally(shown, (d) => d.owner));
    expect(shownCounts(filter, 'lostReasonIds')).to.deep.equal(tally(lost, (d) => d.lostReasonId));
    for (const status of ['open', 'won', 'lost'] as const) {
      expect(text(toggle(filter, status).querySelector('.count'))).to.equal(String(deals.filter((d) => d.status === status).length));
    }

    // Narrow by one salesperson with Lost shown: the other facets count only that person's deals.
    const owner = lost[0]!.owner;
    await click(toggle(filter, 'lost'));
    await click(facetBox(filter, 'owners', owner));
    await filter.updateComplete;
    expect(store.filter).to.deep.equal({ statuses: ['open', 'won', 'lost'], owners: [owner] });
    const mine = deals.filter((d) => d.owner === owner);
    expect(shownCounts(filter, 'stageIds')).to.deep.equal(tally(mine, (d) => d.stageId));
    expect(shownCounts(filter, 'lostReasonIds')).to.deep.equal(tally(mine.filter((d) => d.status === 'lost'), (d) => d.lostReasonId));
    // The owner facet ignores its own narrowing: every owner keeps a count.
    expect(shownCounts(filter, 'owners')).to.deep.equal(tally(deals, (d) => d.owner));
  });

  it('shows lost deals in their stage once Lost is on', async () => {
    const { filter, store, data } = await setup();
    const lost = data.deals.filter((d) => d.status === 'lost');
    for (const deal of lost) expect(store.column(deal.stageId).some((d) => d.id === deal.id)).to.equal(false);
    const events = recordEvents(filter);
    await click(toggle(filter, 'lost'));
    await filter.updateComplete;
    expect(toggle(filter, 'lost').getAttribute('aria-pressed')).to.equal('true');
    expect(store.filter.statuses).to.deep.equal(['open', 'won', 'lost']);
    for (const deal of lost) {
      // Lost is not a stage: each lost deal shows in the stage where it was lost.
      expect(store.column(deal.stageId).map((d) => d.id)).to.include(deal.id);
      expect(store.deal(deal.id)!.stageId).to.equal(data.deals.find((d) => d.id === deal.id)!.stageId);
    }
    expect(events).to.deep.equal(['input', 'deal-filter-change', 'change']);
    expect(parts(filter, 'chip').map(text)).to.deep.equal(['Status: Open, Won, and Lost ×']);
  });

  it('keeps at least one status shown', async () => {
    const { filter, store } = await setup();
    await click(toggle(filter, 'won'));
    await click(toggle(filter, 'open'));
    expect(store.filter.statuses).to.deep.equal(['open']);
    expect(toggle(filter, 'open').getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => text(shadow(filter).querySelector('[role="status"]')).includes('At least one status'));
  });

  for (const groupBy of ['reason', 'stage', 'owner', 'month'] as const) {
    it(`ranks lost deals by ${groupBy} with count, amount and bar`, async () => {
      const { filter, data, store } = await setup({ groupBy });
      const lost = data.deals.filter((d) => d.status === 'lost');
      const keyOf = (d: Deal): string =>
        groupBy === 'reason' ? (d.lostReasonId ?? NO_VALUE_KEY) : groupBy === 'stage' ? d.stageId : groupBy === 'owner' ? d.owner : d.closedAt!.slice(0, 7);
      const expected = new Map<string, { count: number; amount: number }>();
      for (const deal of lost) {
        const group = expected.get(keyOf(deal)) ?? { count: 0, amount: 0 };
        group.count += 1;
        group.amount += toUsd(deal);
        expected.set(keyOf(deal), group);
      }
      const rows = parts(filter, 'group');
      expect(rows.map((row) => row.dataset['key']).sort()).to.deep.equal([...expected.keys()].sort());
      let previous = Infinity;
      for (const row of rows) {
        const group = expected.get(row.dataset['key']!)!;
        expect(text(row.querySelector('.group-count'))).to.equal(group.count === 1 ? '1 deal' : `${group.count} deals`);
        expect(text(row.querySelector('.group-amount'))).to.equal(usd.format(group.amount));
        expect(group.count).to.be.at.most(previous, 'groups are ranked by count');
        previous = group.count;
      }
      const top = expected.get(rows[0]!.dataset['key']!)!.count;
      const lastRow = rows.at(-1)!;
      const lastCount = expected.get(lastRow.dataset['key']!)!.count;
      const bar = lastRow.querySelector<HTMLElement>('[part~="group-bar"]')!;
      expect(bar.style.inlineSize.endsWith('%')).to.equal(true);
      expect(parseFloat(bar.style.inlineSize)).to.be.closeTo((lastCount / top) * 100, 0.01);
      expect(text(shadow(filter).querySelector('.total'))).to.equal(
        `${lost.length} deals lost, ${usd.format(lost.reduce((sum, d) => sum + toUsd(d), 0))}`,
      );
      // The analysis covers lost deals even while Lost is not shown.
      expect(store.filter.statuses).to.deep.equal(['open', 'won']);
    });
  }

  it('changes the grouping from its select', async () => {
    const { filter } = await setup();
    const select = part<HTMLSelectElement>(filter, 'group-by');
    select.focus();
    select.value = 'stage';
    select.dispatchEvent(new Event('change'));
    await filter.updateComplete;
    expect(filter.groupBy).to.equal('stage');
    expect(filter.getAttribute('group-by')).to.equal('stage');
    expect(parts(filter, 'group').every((row) => ['new', 'qualified', 'proposition'].includes(row.dataset['key']!))).to.equal(true);
  });

  it('reports amounts without an exchange rate instead of summing them', async () => {
    const { filter, data } = await setup({ rates: false });
    const foreign = data.deals.filter((d) => d.status === 'lost' && d.currency !== 'USD');
    expect(foreign.length).to.be.greaterThan(0);
    const warning = part(filter, 'missing-rates');
    expect(text(warning)).to.contain(`${foreign.length} deal`);
    expect(text(shadow(filter).querySelector('.total'))).to.contain(
      usd.format(data.deals.filter((d) => d.status === 'lost' && d.currency === 'USD').reduce((s, d) => s + d.amount, 0)),
    );
  });

  it('choosing a group narrows what the board and the chart show, and choosing it again widens', async () => {
    const { filter, store, data } = await setup();
    const row = parts(filter, 'group')[0]!;
    const reasonId = row.dataset['key']!;
    const expected = data.deals.filter((d) => d.status === 'lost' && d.lostReasonId === reasonId);
    const events = recordEvents(filter);
    const detail = oneEvent(filter, 'deal-filter-change') as Promise<DealFilterChangeEvent>;
    await click(row.querySelector('[part~="group-button"]')!);
    expect((await detail).detail).to.deep.equal({ statuses: ['open', 'won', 'lost'], lostReasonIds: [reasonId] });
    await filter.updateComplete;
    expect(store.filter).to.deep.equal({ statuses: ['open', 'won', 'lost'], lostReasonIds: [reasonId] });
    // The board's columns and the chart read the shared filter through the store.
    expect(store.matching().map((d) => d.id).sort()).to.deep.equal(expected.map((d) => d.id).sort());
    const stages = new Set(expected.map((d) => d.stageId));
    for (const stage of store.stages) {
      expect(store.column(stage.id).length).to.equal(expected.filter((d) => d.stageId === stage.id).length, stage.id);
      if (!stages.has(stage.id)) expect(store.column(stage.id)).to.deep.equal([]);
    }
    expect(facetBox(filter, 'lostReasonIds', reasonId).checked).to.equal(true);
    expect(events).to.deep.equal(['input', 'deal-filter-change', 'change']);
    const pressed = shadow(filter).querySelector(`[part~="group"][data-key="${reasonId}"] [part~="group-button"]`)!;
    expect(pressed.getAttribute('aria-pressed')).to.equal('true');

    await click(pressed);
    expect(store.filter).to.deep.equal({ statuses: ['open', 'won', 'lost'] });
  });

  it('narrows by month to that month’s lost dates', async () => {
    const { filter, store } = await setup({ groupBy: 'month' });
    const row = parts(filter, 'group')[0]!;
    const month = row.dataset['key']!;
    await click(row.querySelector('[part~="group-button"]')!);
    const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    expect(store.filter.lostDate).to.deep.equal({ from: `${month}-01`, to: `${month}-${lastDay}` });
    expect(store.matching().every((d) => d.status === 'lost' && d.closedAt!.startsWith(month))).to.equal(true);
    await filter.updateComplete;
    const lostRange = shadow(filter).querySelector<HTMLSelectElement>('select[data-range="lostDate"]')!;
    expect(lostRange.value).to.equal('custom');
  });

  it('searches title, company and contact once typing pauses, and commits on Enter', async () => {
    const { filter, store, data } = await setup();
    const events = recordEvents(filter);
    const search = part<HTMLInputElement>(filter, 'search');
    search.focus();
    await sendKeys({ type: 'ltd' });
    // Nothing is applied while typing.
    expect(store.filter.text).to.equal(undefined);
    await waitUntil(() => store.filter.text === 'ltd', 'the search was not applied');
    const expected = data.deals.filter(
      (d) => d.status !== 'lost' && [d.title, d.company, d.contact].some((field) => field.toLowerCase().includes('ltd')),
    );
    expect(expected.length).to.be.greaterThan(0);
    expect(store.matching().map((d) => d.id).sort()).to.deep.equal(expected.map((d) => d.id).sort());
    expect(events).to.deep.equal(['input', 'deal-filter-change']);
    await sendKeys({ press: 'Enter' });
    expect(events).to.deep.equal(['input', 'deal-filter-change', 'change']);
    // Only the element's own events leave it: the inner field's `input` events are kept inside.
    expect(search.value).to.equal('ltd');
    await filter.updateComplete;
    expect(parts(filter, 'chip').map(text)).to.deep.equal(['Search: “ltd” ×']);

    // The contact is searched too.
    const contact = data.deals.find((d) => d.status === 'open')!.contact;
    search.select();
    await sendKeys({ type: contact.toUpperCase() });
    await waitUntil(() => store.filter.text === contact.toUpperCase());
    expect(store.matching().some((d) => d.contact === contact)).to.equal(true);
  });

  it('fires input, change and deal-filter-change for user changes only, and exposes the filter as value', async () => {
    const { filter, store } = await setup();
    const events = recordEvents(filter);
    filter.value = { statuses: ['lost'], owners: ['Mia Chen'] };
    expect(store.filter).to.deep.equal({ statuses: ['lost'], owners: ['Mia Chen'] });
    expect(events).to.deep.equal([]);
    await filter.updateComplete;
    expect(toggle(filter, 'open').getAttribute('aria-pressed')).to.equal('false');
    expect(facetBox(filter, 'owners', 'Mia Chen').checked).to.equal(true);

    // value is a copy: changing it changes nothing.
    const value = filter.value;
    value.owners!.push('Someone');
    expect(store.filter.owners).to.deep.equal(['Mia Chen']);

    let valueSeenOnInput: unknown = null;
    filter.addEventListener('input', () => (valueSeenOnInput = filter.value), { once: true });
    await click(toggle(filter, 'won'));
    expect(valueSeenOnInput).to.deep.equal({ statuses: ['won', 'lost'], owners: ['Mia Chen'] });
    expect(events).to.deep.equal(['input', 'deal-filter-change', 'change']);

    // Changes by others (another element, a script) fire nothing here.
    store.updateFilter({ owners: undefined });
    await filter.updateComplete;
    expect(events.length).to.equal(3);

    expect(() => (filter.value = { statuses: ['closed'] } as never)).to.throw(DealAdapterError).with.property('code', 'validation');
    expect(store.filter).to.deep.equal({ statuses: ['won', 'lost'] });
  });

  it('takes a value set before it has a store', async () => {
    const adapter = new MemoryAdapter(demoData({ now: NOW }));
    const element = document.createElement('deal-lost-filter');
    element.value = { statuses: ['lost'] };
    expect(element.value).to.deep.equal({ statuses: ['lost'] });
    const provider = await fixture<DealProvider>(html`<deal-provider .adapter=${adapter}></deal-provider>`);
    provider.append(element);
    await waitUntil(() => provider.store?.filter.statuses?.join() === 'lost', 'the value was not applied');
  });

  it('shows each narrowing as a removable chip, and Clear goes back to open and won', async () => {
    const { filter, store } = await setup();
    filter.value = {
      statuses: ['open', 'lost'],
      lostReasonIds: ['too-expensive'],
      stageIds: ['proposition'],
      closeDate: { from: '2026-03-01', to: '2026-03-31' },
      lostDate: { from: '2026-01-10' },
      text: 'acme',
    };
    await filter.updateComplete;
    expect(parts(filter, 'chip').map(text)).to.deep.equal([
      'Status: Open and Lost ×',
      'Lost reason: Too expensive ×',
      'Stage: Proposition ×',
      'Lost date: from Jan 10, 2026 ×',
      'Expected close: This month ×',
      'Search: “acme” ×',
    ]);
    const remove = parts(filter, 'chip-remove');
    expect(remove[1]!.getAttribute('aria-label')).to.equal('Remove filter Lost reason: Too expensive');
    await click(remove[2]!);
    expect(store.filter.stageIds).to.equal(undefined);
    await filter.updateComplete;
    expect(parts(filter, 'chip')).to.have.length(5);
    await click(part(filter, 'clear-button'));
    expect(store.filter).to.deep.equal({ statuses: ['open', 'won'] });
    await filter.updateComplete;
    expect(parts(filter, 'chip')).to.have.length(0);
    expect(part<HTMLInputElement>(filter, 'search').value).to.equal('');
  });

  it('sets date ranges from presets or custom dates; a lost-date range turns Lost on', async () => {
    const { filter, store } = await setup();
    const lostRange = shadow(filter).querySelector<HTMLSelectElement>('select[data-range="lostDate"]')!;
    lostRange.value = 'last-month';
    lostRange.dispatchEvent(new Event('change'));
    expect(store.filter).to.deep.equal({ statuses: ['open', 'won', 'lost'], lostDate: { from: '2026-02-01', to: '2026-02-28' } });
    const closeRange = shadow(filter).querySelector<HTMLSelectElement>('select[data-range="closeDate"]')!;
    closeRange.value = 'custom';
    closeRange.dispatchEvent(new Event('change'));
    await filter.updateComplete;
    const from = shadow(filter).querySelector<HTMLInputElement>('fieldset[data-facet="closeDate"] input[data-end="from"]')!;
    from.value = '2026-04-01';
    from.dispatchEvent(new Event('change'));
    expect(store.filter.closeDate).to.deep.equal({ from: '2026-04-01' });
    closeRange.value = 'any';
    closeRange.dispatchEvent(new Event('change'));
    expect(store.filter.closeDate).to.equal(undefined);
  });

  describe('sync-url', () => {
    let original: string;
    beforeEach(() => {
      original = location.href;
    });
    afterEach(() => {
      history.replaceState(history.state, '', original);
    });

    it('applies the address on load, writes changes back and follows back/forward', async () => {
      const url = new URL(original);
      url.searchParams.set('keep', 'me');
      history.replaceState(history.state, '', `${url.pathname}${url.search}&status=open,lost&reason=too-expensive&q=corp`);
      const { filter, store } = await setup({ syncUrl: true });
      expect(store.filter).to.deep.equal({ statuses: ['open', 'lost'], lostReasonIds: ['too-expensive'], text: 'corp' });
      await filter.updateComplete;
      expect(part<HTMLInputElement>(filter, 'search').value).to.equal('corp');

      await click(toggle(filter, 'won'));
      const params = new URLSearchParams(location.search);
      expect(params.get('keep')).to.equal('me');
      expect(params.get('status')).to.equal('open,won,lost');
      expect(params.get('reason')).to.equal('too-expensive');
      expect(params.get('q')).to.equal('corp');

      await click(part(filter, 'clear-button'));
      expect(new URLSearchParams(location.search).has('status')).to.equal(false);
      expect(new URLSearchParams(location.search).get('keep')).to.equal('me');

      // A filtered address reached by going back or forward is applied.
      history.replaceState(history.state, '', `${url.pathname}?owner=Mia%20Chen&lost=2026-01-01..2026-01-31`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      // Without `status`, the address means the default statuses.
      expect(store.filter).to.deep.equal({
        statuses: ['open', 'won'],
        owners: ['Mia Chen'],
        lostDate: { from: '2026-01-01', to: '2026-01-31' },
      });
    });

    it('leaves the address alone without sync-url', async () => {
      const { filter } = await setup();
      await click(toggle(filter, 'lost'));
      expect(location.href).to.equal(original);
    });
  });

  describe('results list', () => {
    it('lists the matching deals with their details, and Show list toggles it', async () => {
      const { filter, store } = await setup();
      expect(part(filter, 'list')).to.equal(null);
      const showList = part(filter, 'list-toggle');
      expect(text(showList)).to.equal('Show list');
      await click(showList);
      await filter.updateComplete;
      expect(filter.view).to.equal('list');
      expect(showList.getAttribute('aria-expanded')).to.equal('true');
      filter.value = { statuses: ['lost'] };
      await filter.updateComplete;
      const list = part(filter, 'list');
      expect(list.getAttribute('role')).to.equal('table');
      expect(list.getAttribute('aria-rowcount')).to.equal(String(store.matching().length + 1));
      const deal = store.matching().find((d) => d.closingNote !== '')!;
      const row = shadow(filter).querySelector(`[part~="row"][data-id="${deal.id}"]`)!;
      const cells = [...row.querySelectorAll('[role="cell"]')].map(text);
      expect(cells[1]).to.equal(`LOST${deal.title}`);
      expect(cells[2]).to.equal(deal.company);
      expect(cells[3]).to.equal(new Intl.NumberFormat('en', { style: 'currency', currency: deal.currency }).format(deal.amount));
      expect(cells[4]).to.equal(store.stage(deal.stageId)!.name);
      expect(cells[5]).to.equal(store.lostReason(deal.lostReasonId)!.name);
      expect(cells[6]).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(deal.closedAt!)));
      expect(deal.closingNote.startsWith(cells[7]!.replace(/…$/, ''))).to.equal(true);
    });

    it('renders untrusted titles as text', async () => {
      const { filter, store } = await setup({ view: 'list' });
      filter.value = { text: 'Markup Test' };
      await filter.updateComplete;
      const markup = [...store.deals.values()].find((d) => d.title.includes('<img'))!;
      const row = shadow(filter).querySelector(`[part~="row"][data-id="${markup.id}"]`)!;
      expect(row.querySelector('img, b')).to.equal(null);
      expect(text(row)).to.contain('<b>Bold</b> & <img src=x onerror=alert(1)>');
    });

    it('restores the selected lost deals after a confirmation, each to its stage with its earlier probability, keeping history', async () => {
      const { filter, store, data } = await setup({ view: 'list' });
      filter.value = { statuses: ['lost'] };
      await filter.updateComplete;
      const lost = data.deals.filter((d) => d.status === 'lost');
      const selectAll = shadow(filter).querySelector<HTMLInputElement>('.select-all')!;
      await click(selectAll);
      await filter.updateComplete;
      expect(selectAll.checked).to.equal(true);
      const restoreButton = part<HTMLButtonElement>(filter, 'restore-button');
      expect(text(restoreButton)).to.equal(`Restore (${lost.length})`);
      expect(part<HTMLButtonElement>(filter, 'mark-lost-button').disabled).to.equal(true);

      await click(restoreButton);
      const dialog = part<HTMLDialogElement>(filter, 'confirm-dialog');
      await waitUntil(() => dialog.open, 'the confirmation did not open');
      expect(text(dialog)).to.contain(`Restore ${lost.length} lost deals?`);
      expect(text(part(filter, 'confirm-button'))).to.equal(`Restore ${lost.length} deals`);
      expect(store.deal(lost[0]!.id)!.status).to.equal('lost');

      const restoredEvents: string[] = [];
      filter.addEventListener('deal-restored', (event) => restoredEvents.push(event.detail.deal.id));
      await click(part(filter, 'confirm-button'));
      await waitUntil(() => lost.every((d) => store.deal(d.id)!.status === 'open'), 'the deals were not restored');
      await waitUntil(() => restoredEvents.length === lost.length, 'deal-restored was not fired for each deal');
      expect(restoredEvents.sort()).to.deep.equal(lost.map((d) => d.id).sort());
      for (const before of lost) {
        const after = store.deal(before.id)!;
        expect(after.stageId).to.equal(before.stageId);
        expect(after.probability).to.equal(before.probabilityBeforeClose);
        const history = await store.history(before.id);
        const lostEvent = history.filter((e) => e.type === 'lost').at(-1)!;
        const restored = history.at(-1)!;
        expect(restored.type).to.equal('restored');
        expect(restored.lostReasonId).to.equal(before.lostReasonId);
        expect(restored.note).to.equal(before.closingNote);
        expect(lostEvent.lostReasonId).to.equal(before.lostReasonId);
      }
      await waitUntil(() => text(shadow(filter).querySelector('[role="status"]')) === `${lost.length} deals restored.`);
      await filter.updateComplete;
      // Restored deals are open now: the Lost-only list is empty.
      expect(text(part(filter, 'results'))).to.contain('No deals match the current filter.');
    });

    it('says so when the storage refuses some restores, keeps those deals lost and selected, and restores the others', async () => {
      const data = demoData({ now: NOW });
      const lost = data.deals.filter((d) => d.status === 'lost');
      const refused = lost[0]!.id;
      class RefusingAdapter extends MemoryAdapter {
        override async restore(id: string, options?: { expectedVersion?: string }): Promise<Deal> {
          if (id === refused) throw new DealAdapterError('network', 'The test server is offline.');
          return super.restore(id, options);
        }
      }
      const provider = await fixture<DealProvider>(html`
        <deal-provider .adapter=${new RefusingAdapter(structuredClone(data))} locale="en">
          <deal-lost-filter view="list"></deal-lost-filter>
        </deal-provider>
      `);
      const store = provider.store!;
      await store.ready;
      const filter = provider.querySelector('deal-lost-filter')!;
      filter.value = { statuses: ['lost'] };
      await filter.updateComplete;
      const errors: string[] = [];
      filter.addEventListener('deal-error', (event) => errors.push(event.detail.error.code));
      await click(shadow(filter).querySelector<HTMLInputElement>('.select-all')!);
      await click(part(filter, 'restore-button'));
      await waitUntil(() => part<HTMLDialogElement>(filter, 'confirm-dialog').open);
      await click(part(filter, 'confirm-button'));
      await waitUntil(() => text(shadow(filter).querySelector('[role="alert"]')) !== '', 'no alert');
      expect(text(shadow(filter).querySelector('[role="alert"]'))).to.contain('The server could not be reached');
      expect(errors).to.deep.equal(['network']);
      expect(store.deal(refused)!.status).to.equal('lost');
      for (const deal of lost.slice(1)) expect(store.deal(deal.id)!.status).to.equal('open');
      await filter.updateComplete;
      // The refused deal is still listed and still selected, ready for another try.
      expect(text(part(filter, 'restore-button'))).to.equal('Restore (1)');
    });

    it('cancelling the confirmation restores nothing', async () => {
      const { filter, store, data } = await setup({ view: 'list' });
      filter.value = { statuses: ['lost'] };
      await filter.updateComplete;
      const deal = data.deals.find((d) => d.status === 'lost')!;
      await click(shadow(filter).querySelector(`[part~="row"][data-id="${deal.id}"] input`)!);
      await filter.updateComplete;
      expect(text(part(filter, 'restore-button'))).to.equal('Restore (1)');
      expect(shadow(filter).querySelector<HTMLInputElement>('.select-all')!.indeterminate).to.equal(true);
      await click(part(filter, 'restore-button'));
      await waitUntil(() => part<HTMLDialogElement>(filter, 'confirm-dialog').open);
      expect(text(part(filter, 'confirm-dialog'))).to.contain('Restore 1 lost deal?');
      await sendKeys({ press: 'Escape' });
      await aTimeout(50);
      expect(store.deal(deal.id)!.status).to.equal('lost');
      expect(text(part(filter, 'restore-button'))).to.equal('Restore (1)');
      // A filter that no longer shows the deal drops it from the selection.
      filter.value = { statuses: ['open'] };
      await filter.updateComplete;
      filter.value = { statuses: ['lost'] };
      await filter.updateComplete;
      expect(text(part(filter, 'restore-button'))).to.equal('Restore (0)');
    });

    it('marks the selected open deals lost through the lost-reason dialog', async () => {
      const { filter, store } = await setup({ view: 'list' });
      filter.value = { statuses: ['open'], stageIds: ['new'] };
      await filter.updateComplete;
      const open = store.matching().slice(0, 2);
      for (const deal of open) await click(shadow(filter).querySelector(`[part~="row"][data-id="${deal.id}"] input`)!);
      await filter.updateComplete;
      const markLost = part<HTMLButtonElement>(filter, 'mark-lost-button');
      expect(text(markLost)).to.equal('Mark as lost (2)');
      expect(part<HTMLButtonElement>(filter, 'restore-button').disabled).to.equal(true);
      await click(markLost);
      const dialog = shadow(filter).querySelector('deal-lost-dialog') as DealLostDialog;
      await waitUntil(() => dialog.open, 'the lost dialog did not open');
      const confirm = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!;
      await waitUntil(() => confirm.getBoundingClientRect().width > 0);
      await click(confirm);
      await waitUntil(() => open.every((d) => store.deal(d.id)!.status === 'lost'), 'the deals were not marked lost');
      await waitUntil(() => text(shadow(filter).querySelector('[role="status"]')) === '2 deals marked as lost.');
      for (const deal of open) expect(store.deal(deal.id)!.stageId).to.equal('new');
    });

    it('renders only the rows in view of thousands, and the keyboard reaches the last one', async () => {
      const deals = generateDeals(5000, { now: NOW, seed: 3 });
      const data = { ...demoData({ now: NOW }), deals, history: [] };
      const { filter, store } = await setup({ view: 'list', data });
      filter.value = { statuses: ['open', 'won', 'lost'] };
      await filter.updateComplete;
      expect(store.matching()).to.have.length(5000);
      const rendered = () => parts(filter, 'row').length;
      expect(rendered()).to.be.greaterThan(5).and.lessThan(80);

      const firstRow = shadow(filter).querySelector<HTMLInputElement>('.rows input[data-index="0"]')!;
      expect(firstRow.tabIndex).to.equal(0);
      firstRow.focus();
      await sendKeys({ press: 'End' });
      await filter.updateComplete;
      const last = store.matching()[4999]!;
      const active = shadow(filter).activeElement as HTMLInputElement;
      expect(active.closest('[part~="row"]')!.getAttribute('data-id')).to.equal(last.id);
      expect(rendered()).to.be.lessThan(80);
      await sendKeys({ press: 'ArrowUp' });
      await filter.updateComplete;
      expect((shadow(filter).activeElement as HTMLElement).dataset['index']).to.equal('4998');
      await sendKeys({ press: 'Space' });
      await filter.updateComplete;
      expect(text(part(filter, 'bulk-actions'))).to.contain('1 selected');

      // Scrolled far away, the focused row stays rendered.
      const list = part(filter, 'list');
      list.scrollTop = 0;
      // Browsers fire scroll events at the next frame, which a hidden test tab does not render.
      list.dispatchEvent(new Event('scroll'));
      await waitUntil(() => shadow(filter).querySelector('.rows input[data-index="0"]') !== null);
      expect(shadow(filter).querySelector('.rows input[data-index="4998"]')).to.not.equal(null);
    });
  });

  describe('with the board and the chart under the same provider', () => {
    async function withBoard(): Promise<Setup & { board: Element; chart: Element }> {
      const data = demoData({ now: NOW });
      const adapter = new MemoryAdapter(structuredClone(data));
      const provider = await fixture<DealProvider>(html`
        <deal-provider .adapter=${adapter} .rates=${DEMO_RATES_TO_USD} locale="en">
          <deal-lost-filter group-by="owner"></deal-lost-filter>
          <deal-pipeline-board style="block-size: 40rem"></deal-pipeline-board>
          <deal-forecast-chart from="2026-03-01"></deal-forecast-chart>
        </deal-provider>
      `);
      const store = provider.store!;
      await store.ready;
      const filter = provider.querySelector('deal-lost-filter')!;
      const board = provider.querySelector('deal-pipeline-board')!;
      const chart = provider.querySelector('deal-forecast-chart')!;
      await filter.updateComplete;
      return { provider, filter, store, data, board, chart };
    }

    /** The cards the board shows, as deal id → the stage of the column they are in. */
    const boardCards = (board: Element): Map<string, string> =>
      new Map(
        [...board.shadowRoot!.querySelectorAll<HTMLElement>('[part~="card"][data-deal-id]')].map((card) => [
          card.dataset['dealId']!,
          card.closest<HTMLElement>('[data-stage-id]')!.dataset['stageId']!,
        ]),
      );

    it('shows lost deals on the board, each in the stage where it was lost, once Lost is on', async () => {
      const { filter, board, data } = await withBoard();
      const lost = data.deals.filter((d) => d.status === 'lost');
      await waitUntil(() => boardCards(board).size > 0, 'the board did not render');
      for (const deal of lost) expect(boardCards(board).has(deal.id)).to.equal(false);
      await click(toggle(filter, 'lost'));
      // Only lost deals, so every one of them fits on screen.
      await click(toggle(filter, 'open'));
      await click(toggle(filter, 'won'));
      await waitUntil(() => boardCards(board).size === lost.length, 'the board did not show the lost deals');
      const cards = boardCards(board);
      for (const deal of lost) {
        expect(cards.get(deal.id), deal.title).to.equal(deal.stageId);
        const card = board.shadowRoot!.querySelector(`[part~="card"][data-deal-id="${deal.id}"]`)!;
        expect(text(card.querySelector('[part~="ribbon"]'))).to.equal('LOST');
      }
    });

    it('choosing a group narrows the board and the chart, and choosing it again widens them', async () => {
      const { filter, board, chart, data } = await withBoard();
      const chartTable = () => text(chart.shadowRoot!.querySelector('[part~="table"] tbody'));
      await waitUntil(() => boardCards(board).size > 0 && chartTable() !== '', 'the board and the chart did not render');
      const before = chartTable();
      const group = parts(filter, 'group')[0]!;
      const owner = group.dataset['key']!;
      const theirs = new Set(data.deals.filter((d) => d.owner === owner).map((d) => d.id));
      await click(group.querySelector('[part~="group-button"]')!);
      await waitUntil(() => [...boardCards(board).keys()].every((id) => theirs.has(id)), 'the board still shows other deals');
      await waitUntil(() => chartTable() !== before, 'the chart did not follow the filter');
      expect(boardCards(board).size).to.be.greaterThan(0);

      await click(shadow(filter).querySelector('[part~="group-button"][aria-pressed="true"]')!);
      // Lost stays on; the chart counts open and won deals only, so it is back to what it was.
      await waitUntil(() => chartTable() === before, 'the chart did not widen again');
      await waitUntil(() => [...boardCards(board).keys()].some((id) => !theirs.has(id)), 'the board did not widen again');
    });
  });

  it('speaks Persian right to left', async () => {
    const { filter } = await setup({ locale: 'fa' });
    expect(part(filter, 'base').getAttribute('dir')).to.equal('rtl');
    expect(text(toggle(filter, 'lost').querySelector('span'))).to.equal('از دست رفته');
    expect(text(part(filter, 'list-toggle'))).to.equal('نمایش فهرست');
    // Counts use Persian digits.
    expect(text(toggle(filter, 'open').querySelector('.count'))).to.match(/^[۰-۹]+$/);
  });

  it('speaks Traditional Chinese', async () => {
    const { filter } = await setup({ locale: 'zh-Hant' });
    expect(part(filter, 'base').getAttribute('dir')).to.equal('ltr');
    expect(text(toggle(filter, 'lost').querySelector('span'))).to.equal('流失');
    expect(text(shadow(filter).querySelector('#analysis-title'))).to.equal('商機流失原因分析');
  });
});
