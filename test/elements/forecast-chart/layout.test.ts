import { expect } from '@open-wc/testing';
import { forecast } from '../../../src/analytics/forecast.js';
import type { ForecastOptions, ForecastRangeBucket } from '../../../src/analytics/types.js';
import {
  WON_SERIES,
  chartRows,
  chartSeriesIds,
  layoutChart,
  openSeriesId,
  stackingOrder,
  type ChartRow,
  type LayoutOptions,
} from '../../../src/elements/forecast-chart/layout.js';
import { defaultStages } from '../../../src/model/defaults.js';
import { RATES, pipelineDeals } from './fixtures.js';

const OPTIONS: ForecastOptions = { period: 'month', from: '2027-01-01', periods: 3, groupBy: 'stage', currency: 'USD', rates: RATES };
const result = () => forecast(pipelineDeals(), defaultStages(), OPTIONS);
const NEW = openSeriesId('new');
const QUALIFIED = openSeriesId('qualified');
const PROPOSITION = openSeriesId('proposition');

/** `{ series id: value }` of each row, rounded to cents, without zeros. */
const valuesOf = (rows: readonly ChartRow[]) =>
  rows.map((row) => Object.fromEntries(row.values.filter((v) => v.value !== 0).map((v) => [v.id, Math.round(v.value * 100) / 100])));

const geometry = (rows: readonly ChartRow[], over: Partial<LayoutOptions> = {}) =>
  layoutChart(rows, {
    width: 600,
    height: 280,
    direction: 'ltr',
    order: stackingOrder(chartSeriesIds(result())),
    formatTick: (value) => `$${value}`,
    ...over,
  });

describe('forecast chart layout: chartRows', () => {
  it('lists the open series in stage order, then won', () => {
    expect(chartSeriesIds(result())).to.deep.equal([NEW, QUALIFIED, PROPOSITION, WON_SERIES]);
  });

  it('stacks won at the base, then the most advanced stage first', () => {
    expect(stackingOrder([NEW, QUALIFIED, PROPOSITION, WON_SERIES])).to.deep.equal([WON_SERIES, PROPOSITION, QUALIFIED, NEW]);
    expect(stackingOrder([NEW, QUALIFIED])).to.deep.equal([QUALIFIED, NEW]);
  });

  it('gives the weighted values per series, won actuals and totals (overdue first)', () => {
    const rows = chartRows(result(), { mode: 'weighted' });
    expect(rows.map((row) => row.key)).to.deep.equal(['overdue', '2027-01-01', '2027-02-01', '2027-03-01']);
    expect(valuesOf(rows)).to.deep.equal([
      { [NEW]: 300 },
      { [NEW]: 100, [QUALIFIED]: 600 },
      { [PROPOSITION]: 3500, [WON_SERIES]: 4000 },
      { [QUALIFIED]: 330 },
    ]);
    expect(rows.map((row) => Math.round(row.total))).to.deep.equal([300, 700, 7500, 330]);
    expect(rows.every((row) => row.unweightedTotal === null && row.range === null && row.target === null)).to.equal(true);
  });

  it('gives the amounts in unweighted mode, and the unweighted outline in both mode', () => {
    expect(valuesOf(chartRows(result(), { mode: 'unweighted' }))).to.deep.equal([
      { [NEW]: 3000 },
      { [NEW]: 1000, [QUALIFIED]: 2000 },
      { [PROPOSITION]: 5000, [WON_SERIES]: 4000 },
      { [QUALIFIED]: 1100 },
    ]);
    const both = chartRows(result(), { mode: 'both' });
    expect(both.map((row) => Math.round(row.total))).to.deep.equal([300, 700, 7500, 330]);
    expect(both.map((row) => Math.round(row.unweightedTotal!))).to.deep.equal([3000, 3000, 9000, 1100]);
  });

  it('leaves hidden series out of the values, the totals and the outline', () => {
    const hidden = new Set([WON_SERIES, NEW]);
    const rows = chartRows(result(), { mode: 'both', hidden });
    expect(rows.map((row) => row.values.map((v) => v.id))[0]).to.deep.equal([QUALIFIED, PROPOSITION]);
    expect(rows.map((row) => Math.round(row.total))).to.deep.equal([0, 600, 3500, 330]);
    expect(rows.map((row) => Math.round(row.unweightedTotal!))).to.deep.equal([0, 2000, 5000, 1100]);
  });

  it('puts the target on the periods and sums it with the running total (overdue counts in the first period)', () => {
    const rows = chartRows(result(), { mode: 'weighted', target: 1000, cumulative: true });
    expect(rows.map((row) => row.target)).to.deep.equal([null, 1000, 1000, 1000]);
    expect(rows.map((row) => (row.cumulative === null ? null : Math.round(row.cumulative)))).to.deep.equal([null, 1000, 8500, 8830]);
    expect(rows.map((row) => row.cumulativeTarget)).to.deep.equal([null, 1000, 2000, 3000]);
    expect(chartRows(result(), { mode: 'weighted', target: Number.NaN }).every((row) => row.target === null)).to.equal(true);
  });

  it('places the range on the bars: won actuals added when won is shown', () => {
    const range: ForecastRangeBucket[] = [
      { key: '2027-02-01', expected: 3500, p10: 0, p90: 5000, method: 'simulation' },
    ];
    const feb = (hidden: Set<string>) => chartRows(result(), { mode: 'weighted', range, hidden })[2]!.range;
    expect(feb(new Set())).to.deep.equal({ low: 4000, high: 9000, expected: 7500, method: 'simulation' });
    expect(feb(new Set([WON_SERIES]))).to.deep.equal({ low: 0, high: 5000, expected: 3500, method: 'simulation' });
    expect(chartRows(result(), { mode: 'weighted', range })[1]!.range).to.equal(null);
  });
});

describe('forecast chart layout: layoutChart', () => {
  it('gives every series part a height proportional to its value, stacked bottom-up from the baseline', () => {
    const rows = chartRows(result(), { mode: 'weighted' });
    const layout = geometry(rows);
    const { top, bottom } = layout.plot;
    const perUnit = (bottom - top) / layout.maxValue;
    expect(layout.maxValue).to.be.at.least(7500);
    const feb = layout.columns[2]!;
    expect(feb.segments.map((s) => s.id)).to.deep.equal([WON_SERIES, PROPOSITION]);
    expect(feb.segments[0]!.height).to.be.closeTo(4000 * perUnit, 1e-9);
    expect(feb.segments[0]!.y + feb.segments[0]!.height).to.be.closeTo(bottom, 1e-9);
    expect(feb.segments[1]!.height).to.be.closeTo(3500 * perUnit, 1e-9);
    expect(feb.segments[1]!.y + feb.segments[1]!.height).to.be.closeTo(feb.segments[0]!.y, 1e-9);
    // Series with nothing in a bucket draw nothing there.
    expect(layout.columns[0]!.segments.map((s) => s.id)).to.deep.equal([NEW]);
  });

  it('runs time left to right, and right to left in RTL with the value axis on the right', () => {
    const rows = chartRows(result(), { mode: 'weighted' });
    const ltr = geometry(rows);
    const rtl = geometry(rows, { direction: 'rtl' });
    const xs = (layout: typeof ltr) => layout.columns.map((column) => column.x);
    expect(xs(ltr)).to.deep.equal([...xs(ltr)].sort((a, b) => a - b));
    expect(xs(rtl)).to.deep.equal([...xs(rtl)].sort((a, b) => b - a));
    expect(ltr.tickLabelX).to.be.below(ltr.plot.left);
    expect(rtl.tickLabelX).to.be.above(rtl.plot.right);
    // Mirror images of each other.
    for (let i = 0; i < rows.length; i++) {
      expect(rtl.columns[i]!.x + rtl.columns[i]!.width).to.be.closeTo(600 - ltr.columns[i]!.x, 1e-6);
    }
  });

  it('labels fewer periods on narrow charts and draws more value ticks on tall ones', () => {
    const twelve = forecast(pipelineDeals(), defaultStages(), { ...OPTIONS, periods: 12 });
    const rows = chartRows(twelve, { mode: 'weighted' });
    const labels = (width: number) => geometry(rows, { width }).columns.filter((c) => c.showLabel).length;
    expect(labels(1200)).to.equal(13);
    expect(labels(320)).to.be.below(labels(700));
    expect(labels(700)).to.be.below(labels(1200));
    expect(labels(320)).to.be.at.least(2);
    expect(geometry(rows, { height: 600 }).ticks.length).to.be.above(geometry(rows, { height: 200 }).ticks.length);
    const ticks = geometry(rows).ticks;
    expect(ticks[0]).to.include({ value: 0, label: '$0' });
    expect(ticks.at(-1)!.value).to.equal(geometry(rows).maxValue);
  });

  it('draws the target across the periods only, and the running totals through their centres', () => {
    const rows = chartRows(result(), { mode: 'weighted', target: 1000, cumulative: true });
    const layout = geometry(rows);
    const { top, bottom } = layout.plot;
    const yOf = (value: number) => bottom - (value / layout.maxValue) * (bottom - top);
    const [overdue, jan, , mar] = layout.columns;
    expect(layout.targetLine!.y).to.be.closeTo(yOf(1000), 1e-9);
    expect(layout.targetLine!.x1).to.be.closeTo(jan!.slotX, 1e-9);
    expect(layout.targetLine!.x1).to.be.above(overdue!.x + overdue!.width);
    expect(layout.targetLine!.x2).to.be.closeTo(mar!.slotX + mar!.slotWidth, 1e-9);
    const points = layout.cumulativeLine!.split(' ').map((point) => point.split(',').map(Number));
    expect(points).to.have.length(3);
    expect(points[2]![0]).to.be.closeTo(mar!.center, 0.01);
    expect(points[2]![1]).to.be.closeTo(yOf(8830), 0.01);
    expect(layout.cumulativeTargetLine!.split(' ')).to.have.length(3);
    expect(layout.maxValue).to.be.at.least(8830);
  });

  it('outlines the unweighted total and bands the range on the same scale', () => {
    const range: ForecastRangeBucket[] = [{ key: '2027-01-01', expected: 700, p10: 0, p90: 3000, method: 'simulation' }];
    const rows = chartRows(result(), { mode: 'both', range });
    const layout = geometry(rows);
    const perUnit = (layout.plot.bottom - layout.plot.top) / layout.maxValue;
    const feb = layout.columns[2]!;
    expect(feb.outline!.height).to.be.closeTo(9000 * perUnit, 1e-6);
    const jan = layout.columns[1]!;
    expect(jan.range!.height).to.be.closeTo(3000 * perUnit, 1e-6);
    expect(jan.range!.x).to.be.above(jan.x);
    expect(jan.range!.x + jan.range!.width).to.be.below(jan.x + jan.width);
  });

  it('draws an empty forecast on a 0 to 1 axis without failing', () => {
    const empty = forecast([], defaultStages(), OPTIONS);
    const layout = geometry(chartRows(empty, { mode: 'weighted' }));
    expect(layout.columns).to.have.length(4);
    expect(layout.columns.every((column) => column.segments.length === 0)).to.equal(true);
    expect(layout.maxValue).to.equal(1);
  });
});
