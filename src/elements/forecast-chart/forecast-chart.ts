import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DealAdapter } from '../../adapters/adapter.js';
import { toDealAdapterError } from '../../adapters/errors.js';
import { forecast } from '../../analytics/forecast.js';
import { forecastRange } from '../../analytics/range.js';
import type {
  ForecastGroupBy,
  ForecastOptions,
  ForecastPeriod,
  ForecastRangeBucket,
  ForecastResult,
  Rates,
} from '../../analytics/types.js';
import { DealForecastSelectEvent } from '../../events/deal-forecast-select.js';
import { commonMessages, stageName } from '../../i18n/common.js';
import { mergeCatalogues } from '../../i18n/messages.js';
import { DealElement, hostStyles } from '../../internal/deal-element.js';
import { controlStyles } from '../../internal/shared-styles.js';
import type { Deal } from '../../model/schemas.js';
import type { DealStore } from '../../store/deal-store.js';
import type { StoreChange } from '../../store/events.js';
import { bars } from './bars-directive.js';
import { cells } from './cells-directive.js';
import { forecastChartStyles, PALETTE_SIZE } from './forecast-chart.styles.js';
import {
  closeDateRange,
  dealsMatching,
  horizonFrames,
  parseForecastResponse,
  ratesInto,
  selectedFrame,
  today,
  withoutCloseDate,
  type BucketFrame,
} from './forecast-source.js';
import {
  WON_SERIES,
  chartRows,
  chartSeriesIds,
  layoutChart,
  openSeriesId,
  seriesKeyOf,
  stackingOrder,
  type ChartColumn,
  type ChartLayout,
  type ChartMode,
  type ChartRow,
} from './layout.js';
import { forecastChartMessages } from './messages.js';
import { RovingFocusController } from './roving-focus-controller.js';
import { SizeController } from './size-controller.js';

const catalogue = mergeCatalogues(commonMessages, forecastChartMessages);
type Messages = (typeof catalogue)['en'];

/** Why the chart shows a message instead of bars. */
type EmptyReason = 'no-deals' | 'filtered-out' | 'horizon';

/** The numbers behind the chart, recomputed only when the data or the settings change. */
interface ForecastView {
  status: 'loading' | 'error' | 'ready';
  error: unknown;
  options: ForecastOptions | null;
  frames: BucketFrame[];
  result: ForecastResult | null;
  /** The bucket the shared filter's close-date range selects. */
  selectedKey: string | null;
  empty: EmptyReason | null;
  /** Busy fetching a newer server forecast while showing the last one. */
  busy: boolean;
}

const LOADING: ForecastView = {
  status: 'loading',
  error: null,
  options: null,
  frames: [],
  result: null,
  selectedKey: null,
  empty: null,
  busy: true,
};

/** What the chart draws for a ready view: its series, rows and (once the size is known) layout. */
interface Drawing {
  /** What it was computed from, compared by identity to know when to compute it again. */
  inputs: readonly unknown[];
  result: ForecastResult;
  ids: string[];
  rows: ChartRow[];
  /** Null before the first measurement and when the chart shows an empty state instead. */
  layout: ChartLayout | null;
}

/** The seed of the range simulation: fixed, so the band is the same on every render. */
const RANGE_SEED = 1;

/**
 * The revenue forecast: stacked bars of open deals' value per period of
 * expected close date, by stage or by salesperson, with won deals as actuals
 * in the period they closed, overdue deals in their own bucket first, and
 * deals without a date or beyond the horizon counted in a note.
 *
 * It shows what the shared filter of its `<deal-provider>` admits and
 * follows every change in the store. Clicking a period (or Enter/Space on
 * it) narrows the shared filter to that period's close dates, so the board
 * follows; a second click clears it. While the chart's own period is the
 * filter's close-date range, the chart still shows every period and
 * highlights the selected one.
 *
 * Amounts are converted into `currency` with `rates`; deals in a currency
 * without a rate are reported, never summed raw. With `show-range`, each
 * period gets a P10-P90 band from simulating each open deal's outcome by its
 * probability (seeded, so it is stable). A visually hidden table holds the
 * same numbers; the "Show table" button shows it.
 *
 * When the adapter declares server-side aggregation and has `forecast()`,
 * the chart asks the adapter (with the shared filter as query) instead of
 * computing from the loaded deals.
 *
 * @tag deal-forecast-chart
 * @summary Revenue forecast per period: stacked by stage or salesperson, weighted or not, with won actuals, overdue, target and likely range.
 *
 * @fires deal-forecast-select - A period was clicked or activated by keyboard; `detail` has `key`, `start`, `end` (exclusive) and `selected` (false when the second click clears it). Cancelable: cancel it to leave the shared filter unchanged.
 *
 * @csspart svg - The chart drawing (`role="img"`, labelled with a summary).
 * @csspart bar - One series' part of a period's stacked bar; carries `data-period` and `data-series`.
 * @csspart outline - In `mode="both"`, the outline of a period's unweighted total.
 * @csspart range - The P10-P90 band of a period (with `show-range`).
 * @csspart target-line - The per-period target line, and the summed target with `cumulative`.
 * @csspart cumulative-line - The running total (with `cumulative`).
 * @csspart legend - The legend: one toggle button per series.
 * @csspart tooltip - The details of the hovered or focused period.
 * @csspart table - The table of the same numbers (visually hidden until "Show table").
 * @csspart table-toggle - The "Show table" / "Hide table" button.
 * @csspart note - The notes under the chart: deals not shown, and currencies without a rate.
 * @csspart message - The loading, error and empty-state message.
 *
 * @cssprop --deal-chart-height - Height of the drawing (default 280px).
 * @cssprop --deal-chart-series-1 - Colour of the first series (stage or salesperson); light and dark defaults.
 * @cssprop --deal-chart-series-2 - Colour of the second series.
 * @cssprop --deal-chart-series-3 - Colour of the third series.
 * @cssprop --deal-chart-series-4 - Colour of the fourth series.
 * @cssprop --deal-chart-series-5 - Colour of the fifth series.
 * @cssprop --deal-chart-series-6 - Colour of the sixth series.
 * @cssprop --deal-chart-series-7 - Colour of the seventh series.
 * @cssprop --deal-chart-series-8 - Colour of the eighth series; further series start again at the first colour.
 * @cssprop --deal-chart-won - Colour of won deals (default: `--deal-color-won`).
 * @cssprop --deal-chart-target - Colour of the target lines.
 */
export class DealForecastChart extends DealElement<Messages> {
  static override styles = [hostStyles, controlStyles, forecastChartStyles];

  /** Length of one period: `month` (default), `week` (ISO, from Monday) or `quarter`. */
  @property({ reflect: true }) period: ForecastPeriod = 'month';

  /** How many periods the horizon covers (default 6). */
  @property({ type: Number }) periods = 6;

  /** A day (`YYYY-MM-DD`) in the first period of the horizon; empty for the current period. */
  @property() from = '';

  /** Series of the stacks: `stage` (default) or `owner` (salesperson). */
  @property({ attribute: 'group-by' }) groupBy: ForecastGroupBy = 'stage';

  /** `weighted` (default: amount x probability), `unweighted`, or `both` (weighted bars, unweighted outline). */
  @property() mode: ChartMode = 'weighted';

  /** The quota of each period, in the chart's currency: draws a target line. Null (default) for none. */
  @property({ type: Number }) target: number | null = null;

  /** Draws the running total of the periods, and against `target` the summed target. */
  @property({ type: Boolean }) cumulative = false;

  /** Draws each period's P10-P90 band of simulated outcomes. */
  @property({ type: Boolean, attribute: 'show-range' }) showRange = false;

  /** Currency of the chart (ISO 4217); empty (default) for the store's display currency. */
  @property() currency = '';

  /**
   * Exchange rates into `currency` (`{ EUR: 1.08 }`: one euro is worth 1.08
   * of it). Null (default) uses the store's rates, converted when `currency`
   * differs from the store's currency.
   */
  @property({ attribute: false }) rates: Rates | null = null;

  /** Series ids the legend has switched off. */
  @state() private hiddenSeries: ReadonlySet<string> = new Set();
  @state() private tableShown = false;
  /**
   * Whether the table is rendered. It joins right after the first frame
   * that draws the chart: it is off screen until "Show table", and leaving
   * its few hundred cells out of that frame gets the bars on screen a frame
   * sooner with tens of thousands of deals.
   */
  @state() private tableReady = false;
  @state() private hoverIndex: number | null = null;
  @state() private focusIndex: number | null = null;
  /** Escape hides the tooltip until another period is hovered or focused. */
  @state() private tooltipDismissed = false;

  #view: ForecastView = LOADING;
  #deals: readonly Deal[] = [];
  #range: ForecastRangeBucket[] | null = null;
  #drawing: Drawing | null = null;
  #dataDirty = true;
  #rangeDirty = true;
  /** Store settings seen at the last computation, to skip state changes that do not matter (undo label...). */
  #seen: { status: string; currency: string; rates: Rates | null } = { status: '', currency: '', rates: null };
  #request = 0;
  #labels = new Map<string, string>();
  #tableScheduled = false;
  #server: { result: ForecastResult | null; error: unknown; pending: boolean } | null = null;

  readonly #size = new SizeController(this);
  readonly #focus = new RovingFocusController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.period')],
    direction: () => this.direction,
  });

  constructor() {
    super(catalogue);
  }

  // ---- data ---------------------------------------------------------------------

  protected override storeChanged(change: StoreChange): void {
    const store = this.store;
    const settingsChanged =
      (change.state || change.settings) &&
      (store?.status !== this.#seen.status || store?.currency !== this.#seen.currency || store?.rates !== this.#seen.rates);
    if (change.reloaded || change.deals.size > 0 || change.filter || change.stages || settingsChanged) {
      this.#dataDirty = true;
    }
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const inputs = ['store', 'period', 'periods', 'from', 'groupBy', 'currency', 'rates'];
    if (this.#dataDirty || inputs.some((name) => changed.has(name))) {
      this.#dataDirty = false;
      this.#rangeDirty = true;
      this.#view = this.#computeView();
    }
    if (this.#rangeDirty || changed.has('showRange') || changed.has('hiddenSeries')) {
      this.#rangeDirty = false;
      this.#range = this.#computeRange();
    }
    this.#drawing = this.#nextDrawing();
  }

  #computeView(): ForecastView {
    const store = this.store;
    if (!store) return LOADING;
    this.#seen = { status: store.status, currency: store.currency, rates: store.rates };
    if (store.status === 'error') return { ...LOADING, status: 'error', error: store.error, busy: false };
    if (store.status === 'loading' && store.deals.size === 0) return LOADING;

    let options: ForecastOptions;
    let frames: BucketFrame[];
    try {
      const currency = this.currency || store.currency;
      options = {
        period: this.period,
        from: this.from || today(),
        periods: this.periods,
        groupBy: this.groupBy,
        currency,
        rates: this.rates ?? ratesInto(currency, store.currency, store.rates),
      };
      frames = horizonFrames(options);
    } catch (error) {
      return { ...LOADING, status: 'error', error, busy: false };
    }

    // The chart's own selection must not hide the other periods: count the
    // deals as if the close-date range were not there, and highlight it.
    const selected = selectedFrame(frames, store.filter);
    const query = selected ? withoutCloseDate(store.filter) : store.filter;
    // The deals in the order the store loaded them rather than in column
    // order (`matching()`): that is the order they sit in memory, and with
    // tens of thousands of deals the forecast runs about twice as fast.
    this.#deals = dealsMatching(store.deals.values(), query);
    const base = { options, frames, selectedKey: selected?.key ?? null };

    const adapter = serverForecaster(store);
    if (adapter) {
      this.#fetch(adapter, query, options);
      return { ...base, ...this.#serverState() };
    }
    try {
      const result = forecast(this.#deals, store.stages, options);
      const empty = store.deals.size === 0 ? 'no-deals' : this.#deals.length === 0 ? 'filtered-out' : isEmpty(result) ? 'horizon' : null;
      return { ...base, status: 'ready', error: null, result, empty, busy: false };
    } catch (error) {
      return { ...base, status: 'error', error, result: null, empty: null, busy: false };
    }
  }

  /** The part of the view that depends on the adapter's answer. */
  #serverState(): Pick<ForecastView, 'status' | 'error' | 'result' | 'empty' | 'busy'> {
    const server = this.#server;
    if (server?.result) {
      return { status: 'ready', error: null, result: server.result, empty: isEmpty(server.result) ? 'horizon' : null, busy: server.pending };
    }
    if (server && !server.pending) return { status: 'error', error: server.error, result: null, empty: null, busy: false };
    return { status: 'loading', error: null, result: null, empty: null, busy: true };
  }

  /** Asks the adapter for the forecast; only the answer to the latest request is used. */
  #fetch(adapter: ServerForecaster, query: ForecastQuery, options: ForecastOptions): void {
    const request = ++this.#request;
    // Keep the last answer on screen while a newer one for the same horizon loads.
    const last = this.#server?.result;
    this.#server = { result: last && sameHorizon(last.options, options) ? last : null, error: null, pending: true };
    const settle = (result: ForecastResult | null, error: unknown): void => {
      if (request !== this.#request) return;
      this.#server = { result, error, pending: false };
      this.#view = { ...this.#view, ...this.#serverState() };
      this.#rangeDirty = true;
      this.requestUpdate();
    };
    adapter.forecast(query, options).then(
      (value) => {
        try {
          settle(parseForecastResponse(value, options), null);
        } catch (error) {
          settle(null, error);
        }
      },
      (error: unknown) => settle(null, toDealAdapterError(error)),
    );
  }

  /** P10-P90 per bucket over the open deals of the shown series. */
  #computeRange(): ForecastRangeBucket[] | null {
    const options = this.#view.options;
    if (!this.showRange || !options || this.#view.status !== 'ready') return null;
    const hidden = this.hiddenSeries;
    const byStage = options.groupBy === 'stage';
    const deals =
      hidden.size === 0
        ? this.#deals
        : this.#deals.filter((deal) => !hidden.has(openSeriesId(byStage ? deal.stageId : deal.owner)));
    try {
      return forecastRange(deals, options, { seed: RANGE_SEED });
    } catch {
      // The forecast over the same deals and options succeeded; a range that
      // cannot be computed is left out rather than hiding the chart.
      return null;
    }
  }

  // ---- interaction ----------------------------------------------------------------

  #select(row: ChartRow): void {
    const store = this.store;
    const frame = this.#view.frames.find((candidate) => candidate.key === row.key);
    if (!store || !frame) return;
    const selected = this.#view.selectedKey !== row.key;
    const event = new DealForecastSelectEvent({ key: frame.key, start: frame.start, end: frame.end, selected });
    if (!this.dispatchEvent(event)) return;
    store.updateFilter({ closeDate: selected ? closeDateRange(frame) : undefined });
  }

  #toggleSeries(id: string): void {
    const next = new Set(this.hiddenSeries);
    if (!next.delete(id)) next.add(id);
    this.hiddenSeries = next;
  }

  #showTooltip(kind: 'hover' | 'focus', index: number | null): void {
    if (kind === 'hover') this.hoverIndex = index;
    else this.focusIndex = index;
    if (index !== null) this.tooltipDismissed = false;
  }

  /** The column whose period button an event on the row of periods came from, if any. */
  #periodOf(event: Event): ChartColumn | null {
    const button = (event.target as Element).closest<HTMLElement>('button.period');
    const columns = this.#drawing?.layout?.columns ?? [];
    return (button && columns.find((column) => column.row.key === button.dataset['period'])) || null;
  }

  #onPeriodsClick = (event: MouseEvent): void => {
    const column = this.#periodOf(event);
    if (column) this.#select(column.row);
  };

  #onPeriodsFocusIn = (event: FocusEvent): void => {
    const column = this.#periodOf(event);
    if (!column) return;
    this.#focus.focused(column.index);
    this.#showTooltip('focus', column.index);
  };

  #onPeriodsPointerOver = (event: PointerEvent): void => {
    const column = this.#periodOf(event);
    if (column) this.#showTooltip('hover', column.index);
  };

  // Moving to the next period fires this, then pointerover on that one: both land in the same update.
  #onPeriodsPointerOut = (event: PointerEvent): void => {
    if (this.#periodOf(event)) this.#showTooltip('hover', null);
  };

  #onPeriodsFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.#showTooltip('focus', null);
  };

  #onPeriodsKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && (this.hoverIndex !== null || this.focusIndex !== null)) {
      this.tooltipDismissed = true;
      return;
    }
    this.#focus.onKeydown(event);
  };

  // ---- labels ---------------------------------------------------------------------

  #currency(): string {
    return this.#view.options?.currency ?? (this.currency || this.store?.currency || 'USD');
  }

  #money(value: number, compact = false): string {
    return this.l10n.format.currency(value, this.#currency(), { compact });
  }

  #seriesLabel(id: string, result: ForecastResult): string {
    const msg = this.l10n.msg;
    const key = seriesKeyOf(id);
    if (key === null) return msg['status.won'];
    if (result.options.groupBy === 'owner') return key || msg['chart.noOwner'];
    const stage = this.store?.stage(key);
    return stage ? stageName(msg, stage) : result.series.find((series) => series.key === key)?.label || key;
  }

  #bucketLabel(row: Pick<ChartRow, 'overdue' | 'start'>): string {
    if (row.overdue || row.start === null) return this.l10n.msg['date.overdue'];
    const period = this.#view.options?.period ?? this.period;
    // Each label shows in the axis, the table, the buttons and the summary: format it once.
    const key = `${this.l10n.locale} ${period} ${row.start}`;
    let label = this.#labels.get(key);
    if (label === undefined) {
      label = this.l10n.format.period(period, row.start);
      if (this.#labels.size > 500) this.#labels.clear();
      this.#labels.set(key, label);
    }
    return label;
  }

  /** The colour class of a series: its place among the open series, or `won`. */
  #colorClass(id: string, ids: readonly string[]): string {
    if (id === WON_SERIES) return 'won';
    return `series-${(ids.indexOf(id) % PALETTE_SIZE) + 1}`;
  }

  #summary(rows: readonly ChartRow[]): string {
    const msg = this.l10n;
    const periods = rows.filter((row) => !row.overdue);
    const mode = this.mode === 'unweighted' ? msg.msg['chart.unweighted'] : msg.msg['chart.weighted'];
    const first = periods[0] ? this.#bucketLabel(periods[0]) : '';
    const last = periods.at(-1) ? this.#bucketLabel(periods.at(-1)!) : '';
    const biggest = rows.reduce<ChartRow | null>((best, row) => (row.total > (best?.total ?? 0) ? row : best), null);
    if (!biggest) return msg.t('chart.summaryEmpty', { mode, first, last });
    const total = rows.reduce((sum, row) => sum + row.total, 0);
    return msg.t('chart.summary', {
      mode,
      first,
      last,
      total: this.#money(total),
      biggest: this.#bucketLabel(biggest),
      biggestValue: this.#money(biggest.total),
    });
  }

  // ---- rendering ------------------------------------------------------------------

  protected override firstUpdated(): void {
    this.#size.observe(this.renderRoot.querySelector('.frame'));
  }

  protected override updated(): void {
    if (!this.tableReady && !this.#tableScheduled && this.renderRoot.querySelector('svg')) {
      this.#tableScheduled = true;
      // From a frame callback, a timer runs once that frame is painted.
      requestAnimationFrame(() => setTimeout(() => (this.tableReady = true)));
    }
  }

  /**
   * The drawing for the current view and settings: the same object while
   * none of its inputs changed, so hovering, focusing or adding the table
   * neither recomputes it nor (through `guard`) re-renders the bars.
   */
  #nextDrawing(): Drawing | null {
    const view = this.#view;
    const result = view.status === 'ready' ? view.result : null;
    if (!result) return null;
    const inputs = [
      result,
      view.empty,
      this.#range,
      this.mode,
      this.hiddenSeries,
      this.target,
      this.cumulative,
      this.#size.width,
      this.#size.height,
      this.direction,
      this.l10n.locale,
      this.l10n.msg,
      // Series are labelled with the store's stage names: a rename shows even before a server's new answer.
      this.store?.stages,
    ];
    const last = this.#drawing;
    if (last && last.inputs.every((input, i) => input === inputs[i])) return last;
    const ids = chartSeriesIds(result);
    const rows = chartRows(result, {
      mode: this.mode,
      hidden: this.hiddenSeries,
      target: this.target,
      cumulative: this.cumulative,
      range: this.#range,
    });
    const layout = view.empty === null && this.#size.width > 0 ? this.#layout(rows, ids) : null;
    return { inputs, result, ids, rows, layout };
  }

  protected override render(): TemplateResult {
    const view = this.#view;
    const drawing = this.#drawing;
    const drawn = drawing !== null && view.empty === null;

    return html`
      <div class="chart" dir=${this.direction}>
        ${drawn
          ? html`<div class="toolbar">
              ${this.#renderLegend(drawing.ids, drawing.result)}
              <button
                class="table-toggle"
                part="table-toggle"
                aria-expanded=${this.tableShown ? 'true' : 'false'}
                aria-controls="table"
                @click=${() => {
                  this.tableShown = !this.tableShown;
                  this.tableReady = true;
                }}
              >
                ${this.l10n.msg[this.tableShown ? 'action.hideTable' : 'action.showTable']}
              </button>
            </div>`
          : nothing}
        <div class="frame" aria-busy=${view.busy ? 'true' : 'false'}>
          ${drawing?.layout ? this.#renderChart(drawing, drawing.layout) : nothing} ${this.#renderMessage(view)}
        </div>
        ${drawing ? this.#renderNotes(drawing.result) : nothing}
        ${drawn && this.tableReady
          ? // The wrapper hides the table: a table will not shrink to the 1px of the visually-hidden pattern.
            html`<div class=${this.tableShown ? 'table-wrap' : 'table-wrap visually-hidden'}>
              ${guard([drawing], () => this.#renderTable(drawing))}
            </div>`
          : nothing}
      </div>
    `;
  }

  #layout(rows: readonly ChartRow[], ids: readonly string[]): ChartLayout {
    const sample = rows.find((row) => !row.overdue);
    const labelLength = Math.max(this.l10n.msg['date.overdue'].length, sample ? this.#bucketLabel(sample).length : 0);
    return layoutChart(rows, {
      width: this.#size.width,
      height: this.#size.height,
      direction: this.direction,
      order: stackingOrder(ids.filter((id) => !this.hiddenSeries.has(id))),
      formatTick: (value) => this.#money(value, true),
      labelSpacing: Math.max(48, labelLength * 7 + 16),
    });
  }

  #renderMessage(view: ForecastView): TemplateResult | typeof nothing {
    const msg = this.l10n.msg;
    if (view.status === 'loading') {
      return html`<p class="message" part="message" role="status">${msg['state.loading']}</p>`;
    }
    if (view.status === 'error') {
      return html`<p class="message error" part="message" role="alert">${this.errorMessage(view.error)}</p>`;
    }
    if (view.empty === null) return nothing;
    let text: string;
    if (view.empty === 'no-deals') text = msg['empty.noDeals'];
    else if (view.empty === 'filtered-out') text = msg['empty.noMatches'];
    else {
      const periods = view.frames.filter((frame) => !frame.overdue);
      text = this.l10n.t('empty.horizon', { first: this.#bucketLabel(periods[0]!), last: this.#bucketLabel(periods.at(-1)!) });
    }
    return html`<p class="message" part="message" role="status">${text}</p>`;
  }

  #renderLegend(ids: readonly string[], result: ForecastResult): TemplateResult {
    return html`<div class="legend" part="legend" role="group" aria-label=${this.l10n.msg['chart.legend']}>
      ${ids.map(
        (id) => html`<button
          type="button"
          data-series=${id}
          aria-pressed=${this.hiddenSeries.has(id) ? 'false' : 'true'}
          @click=${() => this.#toggleSeries(id)}
        >
          <span class="swatch ${this.#colorClass(id, ids)}"></span>${this.#seriesLabel(id, result)}
        </button>`,
      )}
    </div>`;
  }

  #renderChart(drawing: Drawing, layout: ChartLayout): TemplateResult {
    const selectedKey = this.#view.selectedKey;
    return html`${guard([drawing, selectedKey], () => this.#renderSvg(drawing, layout, selectedKey))}
      ${this.#renderPeriods(layout)} ${this.#renderTooltip(layout, drawing.ids)}`;
  }

  #renderSvg({ rows, ids }: Drawing, layout: ChartLayout, selectedKey: string | null): TemplateResult {
    const { plot } = layout;
    const colorClasses = new Map(ids.map((id) => [id, `bar ${this.#colorClass(id, ids)}`]));
    const colorOf = (id: string): string => colorClasses.get(id)!;
    const columns = repeat(
      layout.columns,
      (column) => column.row.key,
      (column) => {
        const key = column.row.key;
        const selected = key === selectedKey;
        const { outline, range } = column;
        // No whitespace between the elements: it would be cloned as text nodes for every column.
        return svg`<g class=${selectedKey !== null && !selected ? 'column dimmed' : 'column'}>${
          selected
            ? svg`<rect class="selection" x=${column.slotX} y=${plot.top} width=${column.slotWidth} height=${plot.bottom - plot.top}></rect>`
            : nothing
        }${bars(key, column.segments, colorOf)}${
          outline
            ? svg`<rect part="outline" class="outline" data-period=${key} x=${outline.x} y=${outline.y} width=${outline.width} height=${outline.height}></rect>`
            : nothing
        }${
          range
            ? svg`<rect part="range" class="range" data-period=${key} x=${range.x} y=${range.y} width=${range.width} height=${range.height}></rect>`
            : nothing
        }${
          column.showLabel
            ? svg`<text class="period-label" x=${column.center} y=${plot.bottom + 16} text-anchor="middle">${this.#bucketLabel(column.row)}</text>`
            : nothing
        }</g>`;
      },
    );

    return html`
      <svg part="svg" role="img" aria-label=${this.#summary(rows)} width=${layout.width} height=${layout.height}>
        <g class="axis">
          ${layout.ticks.map(
            (tick) => svg`<line class="grid-line" x1=${plot.left} x2=${plot.right} y1=${tick.y} y2=${tick.y}></line>
              <text class="tick" x=${layout.tickLabelX} y=${tick.y} dy="0.32em" text-anchor="end">${tick.label}</text>`,
          )}
        </g>
        ${columns}
        <line class="baseline" x1=${plot.left} x2=${plot.right} y1=${plot.bottom} y2=${plot.bottom}></line>
        ${layout.targetLine
          ? svg`<line part="target-line" class="target-line" x1=${layout.targetLine.x1} x2=${layout.targetLine.x2} y1=${layout.targetLine.y} y2=${layout.targetLine.y}></line>`
          : nothing}
        ${layout.cumulativeTargetLine
          ? svg`<polyline part="target-line" class="target-line cumulative-target" points=${layout.cumulativeTargetLine}></polyline>`
          : nothing}
        ${layout.cumulativeLine
          ? svg`<polyline part="cumulative-line" class="cumulative-line" points=${layout.cumulativeLine}></polyline>`
          : nothing}
      </svg>
    `;
  }

  // One set of listeners on the row rather than on each period's button.
  #renderPeriods(layout: ChartLayout): TemplateResult {
    const count = layout.columns.length;
    const tooltipIndex = this.#tooltipIndex(count);
    const top = layout.plot.top;
    const height = layout.height - top;
    return html`<div
      class="periods"
      role="toolbar"
      aria-label=${this.l10n.msg['chart.periods']}
      @keydown=${this.#onPeriodsKeydown}
      @focusin=${this.#onPeriodsFocusIn}
      @focusout=${this.#onPeriodsFocusOut}
      @click=${this.#onPeriodsClick}
      @pointerover=${this.#onPeriodsPointerOver}
      @pointerout=${this.#onPeriodsPointerOut}
    >
      ${layout.columns.map(
        (column) =>
          // Layout coordinates are physical pixels, already mirrored for RTL, hence left rather than inset-inline-start.
          html`<button
            type="button"
            class="period"
            data-period=${column.row.key}
            style="left:${column.slotX}px;top:${top}px;width:${column.slotWidth}px;height:${height}px"
            tabindex=${this.#focus.tabIndex(column.index, count)}
            aria-label=${this.l10n.t('chart.periodLabel', { period: this.#bucketLabel(column.row), total: this.#money(column.row.total) })}
            aria-pressed=${column.row.key === this.#view.selectedKey ? 'true' : 'false'}
            aria-describedby=${tooltipIndex === column.index ? 'tooltip' : nothing}
          ></button>`,
      )}
    </div>`;
  }

  #tooltipIndex(count: number): number | null {
    const index = this.hoverIndex ?? this.focusIndex;
    return this.tooltipDismissed || index === null || index >= count ? null : index;
  }

  #renderTooltip(layout: ChartLayout, ids: readonly string[]): TemplateResult | typeof nothing {
    const index = this.#tooltipIndex(layout.columns.length);
    if (index === null) return nothing;
    const column = layout.columns[index]!;
    const row = column.row;
    const result = this.#view.result!;
    const msg = this.l10n;
    // Beside the column, on the side with more room, so it never covers the bar it describes.
    const onRight = column.center < layout.width / 2;
    const position = onRight
      ? `left:${column.slotX + column.slotWidth}px`
      : `right:${layout.width - column.slotX}px`;
    return html`<div id="tooltip" class="tooltip" part="tooltip" role="tooltip" style="${position};top:${layout.plot.top}px">
      <strong>${this.#bucketLabel(row)}</strong>
      ${row.overdue ? html`<p class="hint">${msg.t('tooltip.overdue', { date: msg.format.date(row.end) })}</p>` : nothing}
      <ul>
        ${row.values.map(
          (entry) => html`<li data-series=${entry.id}>
            <span class="swatch ${this.#colorClass(entry.id, ids)}"></span>${this.#seriesLabel(entry.id, result)}
            <span class="value">${this.#money(entry.value)}</span>
          </li>`,
        )}
      </ul>
      <div class="total"><span>${msg.msg['chart.total']}</span> <span class="value">${this.#money(row.total)}</span></div>
      ${row.unweightedTotal !== null ? html`<p>${msg.t('tooltip.unweighted', { value: this.#money(row.unweightedTotal) })}</p>` : nothing}
      ${row.target !== null ? html`<p>${msg.t('tooltip.target', { value: this.#money(row.target) })}</p>` : nothing}
      ${row.cumulative !== null
        ? html`<p>
            ${row.cumulativeTarget !== null
              ? msg.t('tooltip.cumulativeOfTarget', { value: this.#money(row.cumulative), target: this.#money(row.cumulativeTarget) })
              : msg.t('tooltip.cumulative', { value: this.#money(row.cumulative) })}
          </p>`
        : nothing}
      ${row.range
        ? html`<p class="range-text">${msg.t('tooltip.range', { low: this.#money(row.range.low), high: this.#money(row.range.high) })}</p>
            <p class="hint">${msg.msg['tooltip.rangeHelp']}</p>`
        : nothing}
      <p class="hint">${msg.t('count.deals', { count: row.count })}</p>
    </div>`;
  }

  #renderNotes(result: ForecastResult): TemplateResult {
    const undated = result.undated.count;
    const beyond = result.beyond.count;
    return html`
      ${undated > 0 || beyond > 0
        ? html`<p class="note outside" part="note">${this.l10n.t('note.outside', { undated, beyond })}</p>`
        : nothing}
      <div class="note missing" part="note" role="status">
        ${result.missingRates.map(
          (missing) => html`<p>${this.l10n.t('note.missingRate', { currency: missing.currency, count: missing.count })}</p>`,
        )}
      </div>
    `;
  }

  #renderTable({ rows, ids, result }: Drawing): TemplateResult {
    const msg = this.l10n.msg;
    const shown = ids.filter((id) => !this.hiddenSeries.has(id));
    // After the series and the total, the columns that have a value in some row.
    const extras: [heading: string, value: (row: ChartRow) => number | null][] = [];
    if (this.mode === 'both') extras.push([msg['chart.unweightedTotal'], (row) => row.unweightedTotal]);
    if (rows.some((row) => row.target !== null)) extras.push([msg['chart.target'], (row) => row.target]);
    if (rows.some((row) => row.cumulative !== null)) extras.push([msg['chart.cumulative'], (row) => row.cumulative]);
    if (rows.some((row) => row.cumulativeTarget !== null)) extras.push([msg['chart.cumulativeTarget'], (row) => row.cumulativeTarget]);
    const texts = (row: ChartRow): string[] => [
      ...row.values.map((entry) => this.#money(entry.value)),
      this.#money(row.total),
      ...extras.map(([, value]) => {
        const amount = value(row);
        return amount === null ? '' : this.#money(amount);
      }),
    ];
    return html`<table id="table" part="table">
      <caption>
        ${msg['chart.caption']}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg['chart.period']}</th>${shown.map(
            (id) => html`<th scope="col" data-series=${id}>${this.#seriesLabel(id, result)}</th>`,
          )}<th scope="col">${msg['chart.total']}</th>${extras.map(([heading]) => html`<th scope="col">${heading}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr data-period=${row.key}><th scope="row">${this.#bucketLabel(row)}</th>${cells(texts(row))}</tr>`,
        )}
      </tbody>
    </table>`;
  }
}

/** What the chart sends an adapter that aggregates: the shared filter, maybe without the chart's own selection. */
type ForecastQuery = DealStore['filter'];

type ServerForecaster = Required<Pick<DealAdapter, 'forecast'>>;

/** The adapter, when it computes forecasts itself; null while it is still opening or when it does not. */
function serverForecaster(store: DealStore): ServerForecaster | null {
  let adapter: DealAdapter;
  try {
    adapter = store.adapter;
  } catch {
    return null;
  }
  if (!adapter.capabilities.aggregation || typeof adapter.forecast !== 'function') return null;
  return { forecast: (query, options) => adapter.forecast!(query, options) };
}

/** Whether no bucket counts a deal. */
function isEmpty(result: ForecastResult): boolean {
  return result.buckets.every((bucket) => bucket.count === 0 && bucket.totalWeighted === 0 && bucket.totalUnweighted === 0);
}

function sameHorizon(a: ForecastOptions, b: ForecastOptions): boolean {
  return a.period === b.period && a.from === b.from && a.periods === b.periods && a.groupBy === b.groupBy && a.currency === b.currency;
}

declare global {
  interface HTMLElementTagNameMap {
    'deal-forecast-chart': DealForecastChart;
  }
}
