import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { DealAdapter } from '../../../src/adapters/adapter.js';
import { DealAdapterError } from '../../../src/adapters/errors.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { forecast } from '../../../src/analytics/forecast.js';
import type { ForecastOptions, ForecastResult } from '../../../src/analytics/types.js';
import '../../../src/define/forecast-chart.js';
import '../../../src/define/pipeline-board.js';
import '../../../src/define/provider.js';
import type { DealForecastChart } from '../../../src/elements/forecast-chart/forecast-chart.js';
import { forecastChartMessages } from '../../../src/elements/forecast-chart/messages.js';
import type { DealProvider } from '../../../src/elements/provider/deal-provider.js';
import type { DealForecastSelectEvent } from '../../../src/events/deal-forecast-select.js';
import { formatterFor } from '../../../src/i18n/format.js';
import { catalogueProblems, loadMessages } from '../../../src/i18n/messages.js';
import { defaultStages } from '../../../src/model/defaults.js';
import type { Deal, DealQuery } from '../../../src/model/schemas.js';
import type { DealStore } from '../../../src/store/deal-store.js';
import { RATES, deal, pipelineDeals } from './fixtures.js';

const usd = (value: number): string => formatterFor('en').currency(value, 'USD');
const eur = (value: number): string => formatterFor('en').currency(value, 'EUR');
const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Generous: the machine running the tests may be busy. */
const WAIT = { timeout: 5000 };

interface Mounted {
  chart: DealForecastChart;
  store: DealStore;
  provider: DealProvider;
}

interface MountOptions {
  attributes?: Record<string, string>;
  deals?: Deal[];
  adapter?: DealAdapter;
  locale?: string;
  width?: number;
}

/** A chart from 2027-01-01 over three months, in a provider holding `deals` (default: the hand-computed pipeline). */
async function mount(options: MountOptions = {}): Promise<Mounted> {
  const adapter =
    options.adapter ??
    new MemoryAdapter({ stages: defaultStages(), deals: options.deals ?? pipelineDeals() }, { now: () => '2027-02-15T12:00:00.000Z' });
  const provider = await fixture<DealProvider>(
    html`<deal-provider .adapter=${adapter} .rates=${RATES} locale=${options.locale ?? 'en'}></deal-provider>`,
  );
  const chart = document.createElement('deal-forecast-chart');
  chart.setAttribute('from', '2027-01-01');
  chart.setAttribute('periods', '3');
  for (const [name, value] of Object.entries(options.attributes ?? {})) chart.setAttribute(name, value);
  chart.style.width = `${options.width ?? 640}px`;
  provider.append(chart);
  await provider.store!.ready;
  await drawn(chart);
  return { chart, store: provider.store!, provider };
}

/**
 * Waits until the chart has drawn its bars (after its first measurement) and
 * its table (a frame later), or shows a message.
 */
async function drawn(chart: DealForecastChart): Promise<void> {
  await chart.updateComplete;
  await waitUntil(() => chart.shadowRoot!.querySelector('[part="table"], [part="message"]'), 'the chart did not draw', WAIT);
  await chart.updateComplete;
}

const root = (chart: DealForecastChart): ShadowRoot => chart.shadowRoot!;
const tableHeaders = (chart: DealForecastChart): string[] =>
  [...root(chart).querySelectorAll('table thead th')].map((cell) => squash(cell.textContent));
const tableRows = (chart: DealForecastChart): string[][] =>
  [...root(chart).querySelectorAll('table tbody tr')].map((row) => [...row.children].map((cell) => squash(cell.textContent)));
const bars = (chart: DealForecastChart): SVGRectElement[] => [...root(chart).querySelectorAll<SVGRectElement>('rect[part="bar"]')];
const bar = (chart: DealForecastChart, period: string, series: string): SVGRectElement | null =>
  root(chart).querySelector(`rect[part="bar"][data-period="${period}"][data-series="${series}"]`);
const periodButtons = (chart: DealForecastChart): HTMLButtonElement[] => [...root(chart).querySelectorAll<HTMLButtonElement>('button.period')];
const periodButton = (chart: DealForecastChart, key: string): HTMLButtonElement =>
  root(chart).querySelector<HTMLButtonElement>(`button.period[data-period="${key}"]`)!;
const tooltip = (chart: DealForecastChart): HTMLElement | null => root(chart).querySelector('[part="tooltip"]');
const legendButton = (chart: DealForecastChart, series: string): HTMLButtonElement =>
  root(chart).querySelector<HTMLButtonElement>(`[part="legend"] button[data-series="${series}"]`)!;
const height = (rect: Element): number => Number(rect.getAttribute('height'));

/**
 * Checks that exactly the expected bar parts are drawn, each as high as its
 * value on one common scale (taken from the first entry).
 */
function expectBars(chart: DealForecastChart, expected: [period: string, series: string, value: number][]): void {
  const [firstPeriod, firstSeries, firstValue] = expected[0]!;
  const perUnit = height(bar(chart, firstPeriod, firstSeries)!) / firstValue;
  expect(perUnit).to.be.above(0);
  for (const [period, series, value] of expected) {
    const rect = bar(chart, period, series);
    expect(rect, `${period} ${series}`).to.exist;
    expect(height(rect!), `${period} ${series}`).to.be.closeTo(value * perUnit, 0.01);
  }
  expect(bars(chart)).to.have.length(expected.length);
}

const WEIGHTED_TABLE = [
  ['Overdue', usd(300), usd(0), usd(0), usd(0), usd(300)],
  ['Jan 2027', usd(100), usd(600), usd(0), usd(0), usd(700)],
  ['Feb 2027', usd(0), usd(0), usd(3500), usd(4000), usd(7500)],
  ['Mar 2027', usd(0), usd(330), usd(0), usd(0), usd(330)],
];

afterEach(async () => {
  await resetMouse();
  await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
});

describe('<deal-forecast-chart> numbers', () => {
  it('shows the weighted forecast by stage in the table and the bars, overdue first and won as actuals', async () => {
    const { chart } = await mount();
    expect(root(chart).querySelector('table caption')!.textContent!.trim()).to.equal('Forecast');
    expect(tableHeaders(chart)).to.deep.equal(['Period', 'New', 'Qualified', 'Proposition', 'Won', 'Total']);
    expect(tableRows(chart)).to.deep.equal(WEIGHTED_TABLE);
    expectBars(chart, [
      ['2027-02-01', 'won', 4000],
      ['2027-02-01', 'open:proposition', 3500],
      ['overdue', 'open:new', 300],
      ['2027-01-01', 'open:new', 100],
      ['2027-01-01', 'open:qualified', 600],
      ['2027-03-01', 'open:qualified', 330],
    ]);
    // Won sits on the baseline, the stage above it.
    const won = bar(chart, '2027-02-01', 'won')!;
    const proposition = bar(chart, '2027-02-01', 'open:proposition')!;
    expect(Number(proposition.getAttribute('y')) + height(proposition)).to.be.closeTo(Number(won.getAttribute('y')), 0.01);
  });

  it('sums a summary of the drawing into the svg label', async () => {
    const { chart } = await mount();
    const svg = root(chart).querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(
      `Forecast, weighted, Jan 2027 to Mar 2027: ${usd(8830)} in total. Biggest period: Feb 2027, ${usd(7500)}.`,
    );
  });

  it('shows amounts in unweighted mode', async () => {
    const { chart } = await mount({ attributes: { mode: 'unweighted' } });
    expect(tableRows(chart)).to.deep.equal([
      ['Overdue', usd(3000), usd(0), usd(0), usd(0), usd(3000)],
      ['Jan 2027', usd(1000), usd(2000), usd(0), usd(0), usd(3000)],
      ['Feb 2027', usd(0), usd(0), usd(5000), usd(4000), usd(9000)],
      ['Mar 2027', usd(0), usd(1100), usd(0), usd(0), usd(1100)],
    ]);
    expectBars(chart, [
      ['2027-02-01', 'won', 4000],
      ['2027-02-01', 'open:proposition', 5000],
      ['overdue', 'open:new', 3000],
      ['2027-01-01', 'open:new', 1000],
      ['2027-01-01', 'open:qualified', 2000],
      ['2027-03-01', 'open:qualified', 1100],
    ]);
  });

  it('outlines the unweighted total over the weighted bars in both mode', async () => {
    const { chart } = await mount({ attributes: { mode: 'both' } });
    expect(tableHeaders(chart).at(-1)).to.equal('Total, unweighted');
    expect(tableRows(chart).map((row) => row.slice(-2))).to.deep.equal([
      [usd(300), usd(3000)],
      [usd(700), usd(3000)],
      [usd(7500), usd(9000)],
      [usd(330), usd(1100)],
    ]);
    const perUnit = height(bar(chart, '2027-02-01', 'won')!) / 4000;
    const outline = root(chart).querySelector('rect[part="outline"][data-period="2027-02-01"]')!;
    expect(height(outline)).to.be.closeTo(9000 * perUnit, 0.01);
  });

  it('stacks by salesperson with group-by="owner"', async () => {
    const { chart } = await mount({ attributes: { 'group-by': 'owner' } });
    expect(tableHeaders(chart)).to.deep.equal(['Period', 'Ann', 'Bo', 'Won', 'Total']);
    expect(tableRows(chart)).to.deep.equal([
      ['Overdue', usd(0), usd(300), usd(0), usd(300)],
      ['Jan 2027', usd(100), usd(600), usd(0), usd(700)],
      ['Feb 2027', usd(3500), usd(0), usd(4000), usd(7500)],
      ['Mar 2027', usd(0), usd(330), usd(0), usd(330)],
    ]);
    expectBars(chart, [
      ['2027-02-01', 'won', 4000],
      ['2027-02-01', 'open:Ann', 3500],
      ['overdue', 'open:Bo', 300],
      ['2027-01-01', 'open:Ann', 100],
      ['2027-01-01', 'open:Bo', 600],
      ['2027-03-01', 'open:Bo', 330],
    ]);
  });

  it('buckets by ISO week', async () => {
    const { chart } = await mount({ attributes: { period: 'week', from: '2027-01-13', periods: '2' } });
    const week = (day: string) => formatterFor('en').week(day);
    expect(tableRows(chart)).to.deep.equal([
      ['Overdue', usd(300), usd(0), usd(0), usd(0), usd(300)],
      [week('2027-01-11'), usd(100), usd(0), usd(0), usd(0), usd(100)],
      [week('2027-01-18'), usd(0), usd(600), usd(0), usd(0), usd(600)],
    ]);
    expectBars(chart, [
      ['overdue', 'open:new', 300],
      ['2027-01-11', 'open:new', 100],
      ['2027-01-18', 'open:qualified', 600],
    ]);
  });

  it('buckets by quarter', async () => {
    const { chart } = await mount({ attributes: { period: 'quarter', periods: '2' } });
    expect(tableRows(chart)).to.deep.equal([
      ['Overdue', usd(300), usd(0), usd(0), usd(0), usd(300)],
      ['Q1 2027', usd(100), usd(930), usd(3500), usd(4000), usd(8530)],
      ['Q2 2027', usd(0), usd(0), usd(630), usd(0), usd(630)],
    ]);
    expectBars(chart, [
      ['2027-01-01', 'won', 4000],
      ['2027-01-01', 'open:proposition', 3500],
      ['2027-01-01', 'open:qualified', 930],
      ['2027-01-01', 'open:new', 100],
      ['overdue', 'open:new', 300],
      ['2027-04-01', 'open:proposition', 630],
    ]);
  });

  it('says which deals it does not show, and reports a currency without a rate instead of summing it', async () => {
    const { chart, store } = await mount();
    const notes = [...root(chart).querySelectorAll('[part~="note"]')].map((note) => squash(note.textContent));
    expect(notes).to.include('1 deal without a date, 1 beyond the horizon: not shown');
    const status = root(chart).querySelector('[role="status"][part~="note"]')!;
    expect(squash(status.textContent)).to.equal('No rate for GBP: 1 deal not counted');
    // Two more GBP deals and a JPY deal: one line per currency.
    await store.createDeal({ title: 'GBP 2', amount: 10, currency: 'GBP', expectedClose: '2027-01-02' });
    await store.createDeal({ title: 'GBP 3', amount: 10, currency: 'GBP', expectedClose: '2027-01-03' });
    await store.createDeal({ title: 'Yen', amount: 10, currency: 'JPY', expectedClose: '2027-01-03' });
    await chart.updateComplete;
    expect([...status.querySelectorAll('p')].map((line) => squash(line.textContent))).to.deep.equal([
      'No rate for GBP: 3 deals not counted',
      'No rate for JPY: 1 deal not counted',
    ]);
    // Nothing of them reached the table.
    expect(tableRows(chart)[1]).to.deep.equal(WEIGHTED_TABLE[1]);
  });

  it("converts into the chart's own currency with cross rates from the store's", async () => {
    const { chart } = await mount({ attributes: { currency: 'EUR' } });
    const rows = tableRows(chart);
    expect(rows[1]).to.deep.equal(['Jan 2027', eur(100 / 1.1), eur(600 / 1.1), eur(0), eur(0), eur(700 / 1.1)]);
    expect(rows[3]).to.deep.equal(['Mar 2027', eur(0), eur(300), eur(0), eur(0), eur(300)]);
    chart.rates = { USD: 0.5 };
    await chart.updateComplete;
    expect(tableRows(chart)[1]).to.deep.equal(['Jan 2027', eur(50), eur(300), eur(0), eur(0), eur(350)]);
  });

  it('draws a target line and, with cumulative, the running total against the summed target', async () => {
    const { chart } = await mount({ attributes: { target: '1000', cumulative: '' } });
    expect(root(chart).querySelector('line[part="target-line"]')).to.exist;
    expect(root(chart).querySelector('polyline[part="target-line"]')).to.exist;
    expect(root(chart).querySelector('polyline[part="cumulative-line"]')).to.exist;
    expect(tableHeaders(chart).slice(-3)).to.deep.equal(['Target', 'Cumulative total', 'Cumulative target']);
    expect(tableRows(chart).map((row) => row.slice(-3))).to.deep.equal([
      ['', '', ''],
      [usd(1000), usd(1000), usd(1000)],
      [usd(1000), usd(8500), usd(2000)],
      [usd(1000), usd(8830), usd(3000)],
    ]);
  });
});

describe('<deal-forecast-chart> reading and selecting', () => {
  it('narrows the shared filter to a clicked period, keeps every period drawn, and clears on a second click', async () => {
    const { chart, store } = await mount();
    const feb = periodButton(chart, '2027-02-01');
    const box = feb.getBoundingClientRect();
    const position: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    const selecting = oneEvent(chart, 'deal-forecast-select') as Promise<DealForecastSelectEvent>;
    await sendMouse({ type: 'click', position });
    const selected = await selecting;
    expect(selected.detail).to.deep.equal({ key: '2027-02-01', start: '2027-02-01', end: '2027-03-01', selected: true });
    expect(selected.bubbles && selected.composed).to.equal(true);
    expect(store.filter.closeDate).to.deep.equal({ from: '2027-02-01', to: '2027-02-28' });
    expect(store.matching().map((d) => d.id).sort()).to.deep.equal(['c', 'e']);
    await chart.updateComplete;
    // The chart's own selection does not hide the other periods.
    expect(tableRows(chart)).to.deep.equal(WEIGHTED_TABLE);
    expect(periodButton(chart, '2027-02-01').getAttribute('aria-pressed')).to.equal('true');
    expect(periodButton(chart, '2027-01-01').getAttribute('aria-pressed')).to.equal('false');
    expect(root(chart).querySelector('.selection')).to.exist;

    const clearing = oneEvent(chart, 'deal-forecast-select') as Promise<DealForecastSelectEvent>;
    await sendMouse({ type: 'click', position });
    expect((await clearing).detail.selected).to.equal(false);
    expect(store.filter.closeDate).to.equal(undefined);
    await chart.updateComplete;
    expect(periodButton(chart, '2027-02-01').getAttribute('aria-pressed')).to.equal('false');
    expect(root(chart).querySelector('.selection')).to.equal(null);
  });

  it('narrows the board next to it to the clicked period', async () => {
    const adapter = new MemoryAdapter({ stages: defaultStages(), deals: pipelineDeals() });
    const provider = await fixture<DealProvider>(html`<deal-provider .adapter=${adapter} .rates=${RATES} locale="en">
      <deal-pipeline-board></deal-pipeline-board>
      <deal-forecast-chart from="2027-01-01" periods="3" style="width: 640px"></deal-forecast-chart>
    </deal-provider>`);
    await provider.store!.ready;
    const chart = provider.querySelector('deal-forecast-chart')!;
    const board = provider.querySelector('deal-pipeline-board')!;
    await drawn(chart);
    const cards = async (): Promise<string[]> => {
      await board.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await board.updateComplete;
      return [...board.shadowRoot!.querySelectorAll('[data-card][data-deal-id]')].map((card) => card.getAttribute('data-deal-id')!).sort();
    };
    expect(await cards()).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    periodButton(chart, '2027-02-01').click();
    expect(await cards()).to.deep.equal(['c', 'e']);
    periodButton(chart, '2027-01-01').click();
    // January: b, a, and g (whose GBP amount the chart cannot count, but the board lists).
    expect(await cards()).to.deep.equal(['a', 'b', 'g']);
    periodButton(chart, '2027-01-01').click();
    expect(await cards()).to.have.length(9);
  });

  it('selects the overdue bucket as everything before the horizon', async () => {
    const { chart, store } = await mount();
    periodButton(chart, 'overdue').click();
    expect(store.filter.closeDate).to.deep.equal({ to: '2026-12-31' });
    expect(store.matching().map((d) => d.id)).to.deep.equal(['d']);
  });

  it('keeps the shared filter when deal-forecast-select is cancelled', async () => {
    const { chart, store } = await mount();
    chart.addEventListener('deal-forecast-select', (event) => event.preventDefault(), { once: true });
    periodButton(chart, '2027-01-01').click();
    expect(store.filter.closeDate).to.equal(undefined);
  });

  it('is one tab stop: arrows, Home and End move between periods, Enter selects, and the tooltip follows focus', async () => {
    const { chart, store } = await mount();
    const buttons = periodButtons(chart);
    expect(buttons.map((button) => button.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    buttons[0]!.focus();
    await chart.updateComplete;
    expect(squash(tooltip(chart)!.textContent)).to.contain('Overdue');
    expect(squash(tooltip(chart)!.textContent)).to.contain('Open deals expected to close before Jan 1, 2027');

    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await chart.updateComplete;
    expect(root(chart).activeElement).to.equal(periodButton(chart, '2027-02-01'));
    expect(periodButtons(chart).map((button) => button.tabIndex)).to.deep.equal([-1, -1, 0, -1]);
    const tip = tooltip(chart)!;
    expect(tip.getAttribute('role')).to.equal('tooltip');
    expect(periodButton(chart, '2027-02-01').getAttribute('aria-describedby')).to.equal(tip.id);
    const lines = [...tip.querySelectorAll('li')].map((li) => squash(li.textContent));
    expect(lines).to.deep.equal([`New ${usd(0)}`, `Qualified ${usd(0)}`, `Proposition ${usd(3500)}`, `Won ${usd(4000)}`]);
    expect(squash(tip.querySelector('.total')!.textContent)).to.equal(`Total ${usd(7500)}`);
    expect(squash(tip.textContent)).to.contain('2 deals');

    await sendKeys({ press: 'Enter' });
    expect(store.filter.closeDate).to.deep.equal({ from: '2027-02-01', to: '2027-02-28' });
    await sendKeys({ press: 'Space' });
    expect(store.filter.closeDate).to.equal(undefined);

    await sendKeys({ press: 'End' });
    expect(root(chart).activeElement).to.equal(periodButton(chart, '2027-03-01'));
    await sendKeys({ press: 'ArrowRight' });
    expect(root(chart).activeElement).to.equal(periodButton(chart, '2027-03-01'));
    await sendKeys({ press: 'Home' });
    expect(root(chart).activeElement).to.equal(periodButton(chart, 'overdue'));

    await sendKeys({ press: 'Escape' });
    await chart.updateComplete;
    expect(tooltip(chart)).to.equal(null);
  });

  it('shows the tooltip on hover', async () => {
    const { chart } = await mount();
    const box = periodButton(chart, '2027-01-01').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await waitUntil(() => tooltip(chart), undefined, WAIT);
    expect(squash(tooltip(chart)!.querySelector('strong')!.textContent)).to.equal('Jan 2027');
    expect(squash(tooltip(chart)!.querySelector('.total')!.textContent)).to.equal(`Total ${usd(700)}`);
    await sendMouse({ type: 'move', position: [0, 0] });
    await waitUntil(() => !tooltip(chart), undefined, WAIT);
  });

  it('hides and shows a series from its legend button', async () => {
    const { chart } = await mount();
    const won = legendButton(chart, 'won');
    expect(won.getAttribute('aria-pressed')).to.equal('true');
    won.click();
    await chart.updateComplete;
    expect(legendButton(chart, 'won').getAttribute('aria-pressed')).to.equal('false');
    expect(bar(chart, '2027-02-01', 'won')).to.equal(null);
    expect(tableHeaders(chart)).to.deep.equal(['Period', 'New', 'Qualified', 'Proposition', 'Total']);
    expect(tableRows(chart)[2]).to.deep.equal(['Feb 2027', usd(0), usd(0), usd(3500), usd(3500)]);
    legendButton(chart, 'won').click();
    await chart.updateComplete;
    expect(bar(chart, '2027-02-01', 'won')).to.exist;
  });

  it('keeps the table visually hidden until "Show table"', async () => {
    const { chart } = await mount();
    const toggle = root(chart).querySelector<HTMLButtonElement>('[part="table-toggle"]')!;
    const table = root(chart).querySelector<HTMLTableElement>('[part="table"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(table.id);
    expect(squash(toggle.textContent)).to.equal('Show table');
    const visibleWidth = () => table.parentElement!.getBoundingClientRect().width;
    expect(visibleWidth()).to.be.at.most(1);
    toggle.click();
    await chart.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(squash(toggle.textContent)).to.equal('Hide table');
    expect(visibleWidth()).to.be.above(100);
  });
});

describe('<deal-forecast-chart> range', () => {
  /** Thirty deals of 1,000 at 50 % in January: expected 15,000, P10-P90 well inside 0-30,000. */
  const manyDeals = (): Deal[] =>
    Array.from({ length: 30 }, (_, i) =>
      deal({ id: `r${i}`, amount: 1000, probability: 50, probabilityManual: true, expectedClose: '2027-01-10', rank: i }),
    );

  it('bands P10-P90 around the expected value, explains it, and draws the same band every time', async () => {
    const { chart } = await mount({ deals: manyDeals(), attributes: { 'show-range': '' } });
    const band = root(chart).querySelector<SVGRectElement>('rect[part="range"][data-period="2027-01-01"]')!;
    const stack = bar(chart, '2027-01-01', 'open:new')!;
    const expectedY = Number(stack.getAttribute('y'));
    const top = Number(band.getAttribute('y'));
    expect(top).to.be.below(expectedY);
    expect(top + height(band)).to.be.above(expectedY);
    const attributes = () => ['x', 'y', 'width', 'height'].map((name) => band.getAttribute(name));
    const first = attributes();

    periodButton(chart, '2027-01-01').focus();
    await chart.updateComplete;
    const text = squash(tooltip(chart)!.textContent);
    expect(text).to.match(/Likely range \(P10–P90\): \$[\d,.]+ – \$[\d,.]+/);
    expect(text).to.contain('80% of simulated outcomes fall in this range: each open deal closes or not by its probability.');

    chart.showRange = false;
    await chart.updateComplete;
    expect(root(chart).querySelector('rect[part="range"]')).to.equal(null);
    chart.showRange = true;
    await chart.updateComplete;
    const again = root(chart).querySelector<SVGRectElement>('rect[part="range"][data-period="2027-01-01"]')!;
    expect(['x', 'y', 'width', 'height'].map((name) => again.getAttribute(name))).to.deep.equal(first);

    const second = await mount({ deals: manyDeals(), attributes: { 'show-range': '' } });
    const other = root(second.chart).querySelector('rect[part="range"][data-period="2027-01-01"]')!;
    expect(['x', 'y', 'width', 'height'].map((name) => other.getAttribute(name))).to.deep.equal(first);
  });
});

describe('<deal-forecast-chart> layout', () => {
  it('follows its width and labels fewer periods when narrow; follows --deal-chart-height for ticks', async () => {
    const { chart } = await mount({ attributes: { periods: '12' }, width: 960 });
    const svg = () => root(chart).querySelector('svg')!;
    const labels = () => root(chart).querySelectorAll('.period-label').length;
    const ticks = () => root(chart).querySelectorAll('.tick').length;
    expect(svg().getAttribute('width')).to.equal('960');
    const wide = labels();
    chart.style.width = '320px';
    await waitUntil(() => svg().getAttribute('width') === '320', undefined, WAIT);
    expect(labels()).to.be.below(wide);
    expect(labels()).to.be.at.least(2);
    const shortTicks = ticks();
    chart.style.setProperty('--deal-chart-height', '560px');
    await waitUntil(() => svg().getAttribute('height') === '560', undefined, WAIT);
    expect(ticks()).to.be.above(shortTicks);
  });

  it('runs time right to left in RTL, with the arrow keys mirrored', async () => {
    const { chart } = await mount({ locale: 'fa' });
    expect(root(chart).querySelector('.chart')!.getAttribute('dir')).to.equal('rtl');
    const x = (key: string) => periodButton(chart, key).getBoundingClientRect().x;
    expect(x('overdue')).to.be.above(x('2027-01-01'));
    expect(x('2027-01-01')).to.be.above(x('2027-03-01'));
    periodButton(chart, 'overdue').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(root(chart).activeElement).to.equal(periodButton(chart, '2027-01-01'));
    await sendKeys({ press: 'ArrowRight' });
    expect(root(chart).activeElement).to.equal(periodButton(chart, 'overdue'));
  });

  it('names stages, Won, Overdue and periods in the chart language', async () => {
    const { chart } = await mount({ locale: 'zh-Hans' });
    expect(tableHeaders(chart)).to.deep.equal(['期间', '新建', '已确认资格', '提案', '成交', '合计']);
    const zh = formatterFor('zh-Hans');
    expect(tableRows(chart).map((row) => row[0])).to.deep.equal(['已逾期', zh.month('2027-01-01'), zh.month('2027-02-01'), zh.month('2027-03-01')]);
    expect(squash(root(chart).querySelector('[role="status"][part~="note"]')!.textContent)).to.equal('没有GBP的汇率:1个商机未计入');
  });

  it('animates bar heights, except under prefers-reduced-motion', async () => {
    const { chart } = await mount();
    const duration = () => getComputedStyle(bars(chart)[0]!).transitionDuration;
    expect(duration()).to.not.match(/^0s(, 0s)*$/);
    await emulateMedia({ reducedMotion: 'reduce' });
    await waitUntil(() => matchMedia('(prefers-reduced-motion: reduce)').matches, undefined, WAIT);
    expect(duration()).to.match(/^0s(, 0s)*$/);
  });

  it('has light and dark colours, and takes themed ones', async () => {
    const { chart } = await mount();
    const fill = () => getComputedStyle(bar(chart, 'overdue', 'open:new')!).fill;
    expect(fill()).to.equal('rgb(31, 111, 209)');
    // The elements follow the page's color-scheme; this page takes the system's.
    chart.style.colorScheme = 'light dark';
    expect(fill()).to.equal('rgb(31, 111, 209)');
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => matchMedia('(prefers-color-scheme: dark)').matches, undefined, WAIT);
    expect(fill()).to.equal('rgb(94, 161, 255)');
    chart.style.setProperty('--deal-chart-series-1', 'rgb(1, 2, 3)');
    expect(fill()).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(bar(chart, '2027-02-01', 'won')!).fill).to.equal('rgb(63, 185, 80)');
  });
});

describe('<deal-forecast-chart> live data and empty states', () => {
  it('follows edits, wins and losses in the store', async () => {
    const { chart, store } = await mount();
    await store.updateDeal('c', { amount: 6000 });
    await chart.updateComplete;
    expect(tableRows(chart)[2]).to.deep.equal(['Feb 2027', usd(0), usd(0), usd(4200), usd(4000), usd(8200)]);
    await store.markWon('b');
    await chart.updateComplete;
    // Won on 2027-02-15 (the adapter's clock): an actual in February, gone from January.
    expect(tableRows(chart)[1]).to.deep.equal(['Jan 2027', usd(100), usd(0), usd(0), usd(0), usd(100)]);
    expect(tableRows(chart)[2]).to.deep.equal(['Feb 2027', usd(0), usd(0), usd(4200), usd(6000), usd(10200)]);
    await store.markLost('c', { reasonId: 'too-expensive', note: '' });
    await chart.updateComplete;
    expect(tableRows(chart)[2]).to.deep.equal(['Feb 2027', usd(0), usd(0), usd(0), usd(6000), usd(6000)]);
    expectBars(chart, [
      ['2027-02-01', 'won', 6000],
      ['overdue', 'open:new', 300],
      ['2027-01-01', 'open:new', 100],
      ['2027-03-01', 'open:qualified', 330],
    ]);
  });

  it('keeps the element of each bar as the numbers change, and the bars of a period in stacking order', async () => {
    const { chart, store } = await mount();
    const february = () => [...root(chart).querySelectorAll<SVGRectElement>('rect[part="bar"][data-period="2027-02-01"]')];
    const series = () => february().map((rect) => rect.dataset['series']);
    const won = bar(chart, '2027-02-01', 'won')!;
    const proposition = bar(chart, '2027-02-01', 'open:proposition')!;
    expect(series()).to.deep.equal(['won', 'open:proposition']);

    await store.updateDeal('c', { amount: 6000 });
    await chart.updateComplete;
    // The same rects, resized: their heights transition instead of jumping.
    expect(bar(chart, '2027-02-01', 'open:proposition')).to.equal(proposition);
    expect(bar(chart, '2027-02-01', 'won')).to.equal(won);
    expect(height(proposition) / height(won)).to.be.closeTo(4200 / 4000, 0.001);

    // A stage that gets a deal in February stacks on top; won stays at the base.
    await store.updateDeal('a', { expectedClose: '2027-02-20' });
    await chart.updateComplete;
    expect(series()).to.deep.equal(['won', 'open:proposition', 'open:new']);
    expect(february()[0]).to.equal(won);
    expect(february()[1]).to.equal(proposition);

    legendButton(chart, 'won').click();
    await chart.updateComplete;
    expect(series()).to.deep.equal(['open:proposition', 'open:new']);
    expect(february()[0]).to.equal(proposition);
    legendButton(chart, 'won').click();
    await chart.updateComplete;
    expect(series()).to.deep.equal(['won', 'open:proposition', 'open:new']);
    expect(tableRows(chart)[2]).to.deep.equal(['Feb 2027', usd(100), usd(0), usd(4200), usd(4000), usd(8300)]);
  });

  it('follows the shared filter set elsewhere', async () => {
    const { chart, store } = await mount();
    store.updateFilter({ owners: ['Ann'] });
    await chart.updateComplete;
    expect(tableRows(chart)[2]).to.deep.equal(['Feb 2027', usd(0), usd(0), usd(3500), usd(4000), usd(7500)]);
    expect(tableRows(chart)[0]).to.deep.equal(['Overdue', usd(0), usd(0), usd(0), usd(0), usd(0)]);
  });

  it('says why it is empty: no deals, all filtered out, nothing in the horizon', async () => {
    const message = (chart: DealForecastChart) => squash(root(chart).querySelector('[part="message"]')?.textContent);
    const none = await mount({ deals: [] });
    expect(message(none.chart)).to.equal('No deals yet.');
    expect(root(none.chart).querySelector('rect[part="bar"]')).to.equal(null);

    const { chart, store } = await mount();
    store.updateFilter({ owners: ['Nobody'] });
    await chart.updateComplete;
    expect(message(chart)).to.equal('No deals match the current filter.');

    // Every deal is expected after this horizon: nothing is overdue, nothing falls in it.
    const earlier = await mount({ attributes: { from: '2020-01-01' } });
    expect(message(earlier.chart)).to.equal('No open or won deals close between Jan 2020 and Mar 2020.');
    expect(squash(root(earlier.chart).querySelector('[part~="note"]')!.textContent)).to.equal(
      '1 deal without a date, 6 beyond the horizon: not shown',
    );
  });

  it('says when it is loading, and why the deals could not be loaded', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class SlowAdapter extends MemoryAdapter {
      override async listStages() {
        await gate;
        return super.listStages();
      }
    }
    const provider = await fixture<DealProvider>(html`<deal-provider .adapter=${new SlowAdapter({ deals: pipelineDeals() })} .rates=${RATES} locale="en">
      <deal-forecast-chart from="2027-01-01" periods="3"></deal-forecast-chart>
    </deal-provider>`);
    const chart = provider.querySelector('deal-forecast-chart')!;
    await chart.updateComplete;
    const message = () => root(chart).querySelector('[part="message"]');
    expect(squash(message()!.textContent)).to.equal('Loading…');
    expect(message()!.getAttribute('role')).to.equal('status');
    release();
    await provider.store!.ready;
    await drawn(chart);
    expect(message()).to.equal(null);
    expect(tableRows(chart)).to.deep.equal(WEIGHTED_TABLE);

    class BrokenAdapter extends MemoryAdapter {
      override async listStages(): Promise<never> {
        throw new DealAdapterError('network', 'offline');
      }
    }
    const broken = await fixture<DealProvider>(html`<deal-provider .adapter=${new BrokenAdapter()} locale="en">
      <deal-forecast-chart></deal-forecast-chart>
    </deal-provider>`);
    await broken.store!.ready;
    const failed = broken.querySelector('deal-forecast-chart')!;
    await failed.updateComplete;
    const alert = root(failed).querySelector('[part="message"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(squash(alert.textContent)).to.equal('The server could not be reached. Check your connection and try again; your change was not saved.');
  });

  it('shows a clear error for invalid settings', async () => {
    const { chart } = await mount({ attributes: { periods: '0' } });
    const message = root(chart).querySelector('[part="message"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(squash(message.textContent)).to.contain('Some values are not valid');
    chart.periods = 3;
    await drawn(chart);
    expect(tableRows(chart)).to.deep.equal(WEIGHTED_TABLE);
  });
});

/** A memory adapter that declares server-side aggregation and answers `forecast` as told. */
class AggregatingAdapter extends MemoryAdapter {
  override readonly capabilities = { aggregation: true, textSearch: true, realtime: false };
  calls: { query: DealQuery; options: ForecastOptions }[] = [];
  answer: (options: ForecastOptions) => Promise<unknown> = async (options) =>
    serverForecast(options, (result) => ((result.buckets[1]!.weighted.new = 12345), result));

  forecast(query: DealQuery, options: ForecastOptions): Promise<ForecastResult> {
    this.calls.push({ query, options });
    return this.answer(options) as Promise<ForecastResult>;
  }
}

/** The forecast of the fixture pipeline, changed by `edit` so the test can tell it came from the "server". */
function serverForecast(options: ForecastOptions, edit: (result: ForecastResult) => ForecastResult): ForecastResult {
  return edit(JSON.parse(JSON.stringify(forecast(pipelineDeals(), defaultStages(), options))) as ForecastResult);
}

describe('<deal-forecast-chart> server-side aggregation', () => {
  it("draws the adapter's forecast, asked with the shared filter", async () => {
    const adapter = new AggregatingAdapter({ stages: defaultStages(), deals: pipelineDeals() });
    const { chart, store } = await mount({ adapter });
    await waitUntil(() => tableRows(chart).length > 0, undefined, WAIT);
    expect(tableRows(chart)[1]![1]).to.equal(usd(12345));
    const last = adapter.calls.at(-1)!;
    expect(last.query).to.deep.equal({ statuses: ['open', 'won'] });
    expect(last.options).to.include({ period: 'month', from: '2027-01-01', periods: 3, groupBy: 'stage', currency: 'USD' });

    // Its own selection is not sent: the server still answers for every period.
    periodButton(chart, '2027-02-01').click();
    await waitUntil(() => adapter.calls.at(-1)!.query !== last.query, undefined, WAIT);
    expect(store.filter.closeDate).to.deep.equal({ from: '2027-02-01', to: '2027-02-28' });
    expect(adapter.calls.at(-1)!.query).to.deep.equal({ statuses: ['open', 'won'] });
  });

  it('shows loading while the adapter computes, and a clear message for a bad answer or a failure', async () => {
    const adapter = new AggregatingAdapter({ stages: defaultStages(), deals: pipelineDeals() });
    let release!: (value: unknown) => void;
    adapter.answer = () => new Promise((resolve) => (release = resolve));
    const { chart, store } = await mount({ adapter });
    const message = () => squash(root(chart).querySelector('[part="message"]')?.textContent);
    expect(message()).to.equal('Loading…');
    release({ buckets: 'nonsense' });
    await waitUntil(() => message().startsWith('The server sent data that could not be read'), undefined, WAIT);
    expect(root(chart).querySelector('[part="message"]')!.getAttribute('role')).to.equal('alert');

    adapter.answer = () => Promise.reject(new DealAdapterError('network', 'offline'));
    store.updateFilter({ owners: ['Ann'] });
    await waitUntil(() => message().startsWith('The server could not be reached'), undefined, WAIT);
  });
});

describe('<deal-forecast-chart> messages', () => {
  it('has every message in every locale', async () => {
    expect(await catalogueProblems(forecastChartMessages)).to.deep.equal([]);
    for (const locale of ['en', 'zh-Hans', 'zh-Hant', 'fa'] as const) {
      const messages = await loadMessages(forecastChartMessages, locale);
      expect(messages['note.outside']({ undated: 3, beyond: 5 })).to.be.a('string').and.not.equal('');
      expect(messages['note.missingRate']({ currency: 'GBP', count: 3 })).to.contain('GBP');
    }
    expect(forecastChartMessages.en['note.outside']({ undated: 3, beyond: 5 })).to.equal('3 deals without a date, 5 beyond the horizon: not shown');
    expect(forecastChartMessages.en['note.outside']({ undated: 0, beyond: 1 })).to.equal('1 deal beyond the horizon: not shown');
    expect(forecastChartMessages.en['note.missingRate']({ currency: 'GBP', count: 3 })).to.equal('No rate for GBP: 3 deals not counted');
  });
});
