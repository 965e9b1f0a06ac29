/**
 * The forecast chart as pure functions: which numbers each period shows
 * (`chartRows`) and where they go on screen (`layoutChart`). d3 does the
 * scale, stacking and tick math; the element turns the result into Lit `svg`
 * templates. Nothing here touches the DOM, so it is tested without one, and
 * the table, the tooltip and the bars read the very same numbers.
 */
import { scaleBand, scaleLinear, stack } from 'd3';
import type { ForecastRangeBucket, ForecastResult } from '../../analytics/types.js';

/** `weighted` (amount x probability), `unweighted` (amounts), or `both` (weighted bars, unweighted outline). */
export type ChartMode = 'weighted' | 'unweighted' | 'both';

export type ChartDirection = 'ltr' | 'rtl';

/** Id of the series of won deals (actuals). */
export const WON_SERIES = 'won';

/**
 * Id of the series of open deals of a stage or an owner. The prefix keeps a
 * stage or an owner called "won" apart from the won series.
 */
export function openSeriesId(key: string): string {
  return `open:${key}`;
}

/** The forecast series key (stage id or owner) of an open series id; null for the won series. */
export function seriesKeyOf(id: string): string | null {
  return id.startsWith('open:') ? id.slice('open:'.length) : null;
}

/** Every series of a forecast in legend order: the open series as the forecast orders them, then won. */
export function chartSeriesIds(result: ForecastResult): string[] {
  return [...result.series.map((series) => openSeriesId(series.key)), WON_SERIES];
}

/**
 * Bottom-up stacking order of the given series ids: won actuals at the base,
 * then the open series from the last to the first, so the most advanced
 * stage sits right on the actuals.
 */
export function stackingOrder(ids: readonly string[]): string[] {
  const open = ids.filter((id) => id !== WON_SERIES).reverse();
  return ids.includes(WON_SERIES) ? [WON_SERIES, ...open] : open;
}

/** One series' value in one period. */
export interface SeriesValue {
  id: string;
  value: number;
}

/** The likely range of a period, on the scale of the bars (won actuals included when shown). */
export interface RowRange {
  low: number;
  high: number;
  /** The expected value: open deals' weighted total, plus won when shown. */
  expected: number;
  method: ForecastRangeBucket['method'];
}

/** What one bucket of the chart shows; the bars, the table and the tooltip all read it. */
export interface ChartRow {
  /** `overdue`, or the first day of the period. */
  key: string;
  start: string | null;
  /** First day after the period; for overdue, the start of the horizon. */
  end: string;
  overdue: boolean;
  /** The shown series' values, in legend order. */
  values: SeriesValue[];
  /** Sum of `values`: the height of the stack. */
  total: number;
  /** In `both` mode: the unweighted total of the shown series (the outline); otherwise null. */
  unweightedTotal: number | null;
  range: RowRange | null;
  /** The per-period target; null for the overdue bucket or without a target. */
  target: number | null;
  /** With `cumulative`: the running total up to this period (overdue counts in the first period); null for overdue. */
  cumulative: number | null;
  /** With `cumulative` and a target: the target summed up to this period; null otherwise. */
  cumulativeTarget: number | null;
  /** Deals counted in the bucket (all series). */
  count: number;
}

export interface ChartRowsOptions {
  mode: ChartMode;
  /** Series ids the legend hides. */
  hidden?: ReadonlySet<string>;
  /** The quota of each period; ignored unless a positive number. */
  target?: number | null;
  /** Adds the running total (and the summed target) per period. */
  cumulative?: boolean;
  /** The P10-P90 range per bucket (`forecastRange`), matched by key. */
  range?: readonly ForecastRangeBucket[] | null;
}

/**
 * The numbers each bucket of `result` shows: the shown series' values
 * (weighted, or unweighted in `unweighted` mode), won actuals, their total,
 * and the optional outline, range, target and running totals.
 */
export function chartRows(result: ForecastResult, options: ChartRowsOptions): ChartRow[] {
  const hidden = options.hidden ?? new Set<string>();
  const ids = chartSeriesIds(result).filter((id) => !hidden.has(id));
  const wonShown = ids.includes(WON_SERIES);
  const target = typeof options.target === 'number' && Number.isFinite(options.target) && options.target > 0 ? options.target : null;
  const rangeByKey = new Map((options.range ?? []).map((bucket) => [bucket.key, bucket]));
  let running = 0;
  let periodNumber = 0;

  return result.buckets.map((bucket) => {
    const bars = options.mode === 'unweighted' ? bucket.unweighted : bucket.weighted;
    const values = ids.map((id) => {
      const key = seriesKeyOf(id);
      return { id, value: key === null ? bucket.won : bars[key] ?? 0 };
    });
    const total = values.reduce((sum, entry) => sum + entry.value, 0);
    const won = wonShown ? bucket.won : 0;
    let unweightedTotal: number | null = null;
    if (options.mode === 'both') {
      unweightedTotal = won;
      for (const id of ids) {
        const key = seriesKeyOf(id);
        if (key !== null) unweightedTotal += bucket.unweighted[key] ?? 0;
      }
    }
    const simulated = rangeByKey.get(bucket.key);
    const range: RowRange | null = simulated
      ? { low: won + simulated.p10, high: won + simulated.p90, expected: won + simulated.expected, method: simulated.method }
      : null;
    running += total;
    if (!bucket.overdue) periodNumber += 1;
    const cumulative = options.cumulative && !bucket.overdue ? running : null;
    return {
      key: bucket.key,
      start: bucket.start,
      end: bucket.end,
      overdue: bucket.overdue,
      values,
      total,
      unweightedTotal,
      range,
      target: bucket.overdue ? null : target,
      cumulative,
      cumulativeTarget: cumulative !== null && target !== null ? target * periodNumber : null,
      count: bucket.count,
    };
  });
}

/** A rectangle in SVG user units (pixels). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One series' part of a stacked bar. */
export interface BarSegment extends Box {
  id: string;
  value: number;
}

/** One bucket on screen. */
export interface ChartColumn {
  row: ChartRow;
  index: number;
  /** The bar's band. */
  x: number;
  width: number;
  center: number;
  /** The whole step of the bucket (band plus padding): where it can be hovered and clicked. */
  slotX: number;
  slotWidth: number;
  /** Stacked bar parts, bottom-up; series with nothing in this bucket have none. */
  segments: BarSegment[];
  /** In `both` mode, the unweighted total drawn as an outline. */
  outline: Box | null;
  /** The P10-P90 band. */
  range: Box | null;
  /** Whether the period label is drawn (narrow charts label every n-th period). */
  showLabel: boolean;
}

export interface AxisTick {
  value: number;
  y: number;
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The plotting area. */
  plot: { left: number; right: number; top: number; bottom: number };
  columns: ChartColumn[];
  /** Value axis ticks, from 0 up. */
  ticks: AxisTick[];
  /** Top of the value axis (a "nice" number). */
  maxValue: number;
  /** x of the value axis labels; they are anchored at their end on both sides. */
  tickLabelX: number;
  /** Every how many periods a label is drawn. */
  labelEvery: number;
  /** The per-period target across the periods (not the overdue bucket). */
  targetLine: { x1: number; x2: number; y: number } | null;
  /** SVG `points` of the running total, and of the summed target. */
  cumulativeLine: string | null;
  cumulativeTargetLine: string | null;
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** In `rtl` the time axis runs right to left and the value axis sits on the right. */
  direction: ChartDirection;
  /** Series ids in bottom-up stacking order (see `stackingOrder`). */
  order: readonly string[];
  /** The label of a value tick (compact currency); also sizes the axis. */
  formatTick: (value: number) => string;
  /** Least room in px per period label; narrower charts label fewer periods. Default 80. */
  labelSpacing?: number;
}

const MARGIN_TOP = 12;
const MARGIN_BOTTOM = 26;
const MARGIN_END = 12;
/** Rough width of one character of an axis label, to size the value axis without measuring text. */
const CHAR_WIDTH = 7;
const TICK_GAP = 6;
/** About one value tick per this many px of plot height. */
const PX_PER_TICK = 45;

/** Where the rows go in a chart of `width` x `height`. */
export function layoutChart(rows: readonly ChartRow[], options: LayoutOptions): ChartLayout {
  const width = Math.max(0, options.width);
  const height = Math.max(0, options.height);
  const top = MARGIN_TOP;
  const bottom = Math.max(top, height - MARGIN_BOTTOM);

  // Values first: the widest tick label decides how much room the axis takes.
  let highest = 0;
  for (const row of rows) {
    highest = Math.max(
      highest,
      row.total,
      row.unweightedTotal ?? 0,
      row.range?.high ?? 0,
      row.target ?? 0,
      row.cumulative ?? 0,
      row.cumulativeTarget ?? 0,
    );
  }
  const tickCount = Math.max(2, Math.min(10, Math.floor((bottom - top) / PX_PER_TICK)));
  const y = scaleLinear()
    .domain([0, highest > 0 ? highest : 1])
    .range([bottom, top])
    .nice(tickCount);
  const ticks = y.ticks(tickCount).map((value) => ({ value, y: y(value), label: options.formatTick(value) }));
  const axisWidth = Math.ceil(Math.max(...ticks.map((tick) => tick.label.length), 1) * CHAR_WIDTH) + TICK_GAP * 2;

  const rtl = options.direction === 'rtl';
  const left = rtl ? MARGIN_END : Math.min(axisWidth, width);
  const right = Math.max(left, rtl ? width - axisWidth : width - MARGIN_END);
  const x = scaleBand<string>()
    .domain(rows.map((row) => row.key))
    .range(rtl ? [right, left] : [left, right])
    .paddingInner(0.25)
    .paddingOuter(0.125);
  const bandWidth = x.bandwidth();
  const step = x.step();
  const labelSpacing = options.labelSpacing ?? 80;
  const labelEvery = Math.max(1, Math.ceil(rows.length / Math.max(1, Math.floor((right - left) / labelSpacing))));

  const stacked = stack<ChartRow, string>()
    .keys(options.order)
    .value((row, id) => row.values.find((entry) => entry.id === id)?.value ?? 0)(rows as ChartRow[]);
  const box = (x0: number, width0: number, low: number, high: number): Box => ({
    x: x0,
    y: y(high),
    width: width0,
    height: Math.max(0, y(low) - y(high)),
  });

  const columns = rows.map((row, index): ChartColumn => {
    const bandX = x(row.key) ?? left;
    const segments: BarSegment[] = [];
    for (const series of stacked) {
      const [low, high] = series[index]!;
      if (high - low > 0) segments.push({ id: series.key, value: high - low, ...box(bandX, bandWidth, low, high) });
    }
    const rangeWidth = Math.max(4, bandWidth / 3);
    return {
      row,
      index,
      x: bandX,
      width: bandWidth,
      center: bandX + bandWidth / 2,
      slotX: bandX - (step - bandWidth) / 2,
      slotWidth: step,
      segments,
      outline: row.unweightedTotal === null ? null : box(bandX, bandWidth, 0, row.unweightedTotal),
      range: row.range ? box(bandX + (bandWidth - rangeWidth) / 2, rangeWidth, row.range.low, row.range.high) : null,
      showLabel: index % labelEvery === 0,
    };
  });

  const periods = columns.filter((column) => !column.row.overdue);
  const target = periods.find((column) => column.row.target !== null)?.row.target ?? null;
  const periodEdges = periods.flatMap((column) => [column.slotX, column.slotX + column.slotWidth]);
  const points = (value: (row: ChartRow) => number | null): string | null => {
    const list = periods
      .filter((column) => value(column.row) !== null)
      .map((column) => `${round(column.center)},${round(y(value(column.row)!))}`);
    return list.length > 0 ? list.join(' ') : null;
  };

  return {
    width,
    height,
    plot: { left, right, top, bottom },
    columns,
    ticks,
    maxValue: y.domain()[1]!,
    tickLabelX: rtl ? right + TICK_GAP : left - TICK_GAP,
    labelEvery,
    targetLine:
      target !== null && periodEdges.length > 0
        ? { x1: Math.min(...periodEdges), x2: Math.max(...periodEdges), y: y(target) }
        : null,
    cumulativeLine: points((row) => row.cumulative),
    cumulativeTargetLine: points((row) => row.cumulativeTarget),
  };
}

const round = (value: number): number => Math.round(value * 100) / 100;
