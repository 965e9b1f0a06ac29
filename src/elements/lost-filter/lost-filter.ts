import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { parseOrThrow } from '../../adapters/validate.js';
import { lostAnalysis, NO_VALUE_KEY } from '../../analytics/lost.js';
import type { LostAnalysis, LostGroupBy } from '../../analytics/types.js';
import { DealFilterChangeEvent } from '../../events/deal-filter-change.js';
import { DealRestoredEvent } from '../../events/deal-restored.js';
import { commonMessages, lostReasonName, stageName, statusName, type CommonMessages } from '../../i18n/common.js';
import { mergeCatalogues, type MergedMessages } from '../../i18n/messages.js';
import { DealElement, hostStyles } from '../../internal/deal-element.js';
import { controlStyles } from '../../internal/shared-styles.js';
import { DealQuery, type DateRange, type Deal, type DealStatus } from '../../model/schemas.js';
import type { StoreChange } from '../../store/events.js';
import { defaultFilter, filtersEqual, isDefaultFilter, normalizeFilter, type DealFilter } from '../../store/filter.js';
import { narrowingsOf, withoutNarrowing, type Narrowing, type NarrowingField } from '../../store/narrowings.js';
import type { DealLostDialog } from '../lost-dialog/lost-dialog.js';
import { CLOSE_DATE_PRESETS, localToday, LOST_DATE_PRESETS, presetOf, presetRange, type RangePreset } from './date-ranges.js';
import {
  ALL_STATUSES,
  analysedLostDeals,
  facetCounts,
  isChoosableGroup,
  isNarrowedToGroup,
  ownersOf,
  shownStatuses,
  withFacetValue,
  withGroupChosen,
  withRange,
  withStatusToggled,
  type FacetCounts,
  type FacetField,
} from './facets.js';
import { lostFilterStyles, ROW_HEIGHT } from './lost-filter.styles.js';
import { lostFilterMessages, type LostFilterMessages } from './messages.js';
import { RowFocusController } from './row-focus-controller.js';
import { UrlSyncController } from './url-sync-controller.js';
import { VirtualWindowController } from './virtual-window.js';

type FilterMessages = MergedMessages<CommonMessages, LostFilterMessages>;

const catalogue = mergeCatalogues(commonMessages, lostFilterMessages);

/** What the element shows under the filter: the lost analysis only, or the results list too. */
export type LostFilterView = 'summary' | 'list';

const GROUP_BYS: readonly LostGroupBy[] = Object.freeze(['reason', 'stage', 'owner', 'month']);

/** Characters of a closing note shown in the results list (the whole note is in the tooltip). */
const NOTE_EXCERPT = 120;

type RangeField = 'lostDate' | 'closeDate';

/** Chips follow the panel: statuses, then the facets and the date ranges as laid out, then the search text. */
const CHIP_ORDER: readonly NarrowingField[] = Object.freeze([
  'statuses',
  'lostReasonIds',
  'stageIds',
  'owners',
  'lostDate',
  'closeDate',
  'text',
]);

/** What the element derives from the store's deals and filter, recomputed once per store change. */
interface Derived {
  version: number;
  groupBy: LostGroupBy;
  counts: FacetCounts;
  owners: string[];
  analysis: LostAnalysis | null;
  analysisFailed: boolean;
}

const filterKey = (filter: DealFilter): string => JSON.stringify(normalizeFilter(filter));

function excerpt(note: string): string {
  const text = note.replace(/\s+/g, ' ').trim();
  return text.length > NOTE_EXCERPT ? `${text.slice(0, NOTE_EXCERPT - 1)}…` : text;
}

/**
 * Finds lost deals, shows why deals are lost, and brings them back. It sets
 * the shared filter of its `<deal-provider>`, so the pipeline board and the
 * forecast chart under the same provider follow it.
 *
 * - Status toggles (Open, Won, Lost; by default Open and Won, as a pipeline
 *   shows), facets with live counts (lost reason, stage, salesperson), a
 *   lost-date and an expected-close range, and a text search over title,
 *   company and contact (applied once typing pauses). Each facet counts the
 *   deals that match every *other* narrowing. Ticking a lost reason or
 *   setting a lost-date range turns Lost on, since only lost deals have them.
 * - Every active narrowing is a removable chip; "Clear" goes back to the
 *   default (open and won deals).
 * - Lost analysis: the lost deals that match the other narrowings (whether
 *   or not Lost is shown) grouped by `group-by`, ranked, with count, amount
 *   in the display currency and a bar. Choosing a group narrows the filter
 *   to it and turns Lost on; choosing it again removes that narrowing.
 * - Results list (`view="list"` or "Show list"): the matching deals,
 *   windowed so thousands stay smooth, with checkboxes (select all is
 *   tri-state), bulk Restore (after a confirmation) and bulk "Mark as lost"
 *   (through a `<deal-lost-dialog>` in its shadow root). Arrow keys, Home,
 *   End, PageUp and PageDown move between rows; Space ticks a row.
 * - Form contract: `value` is the shared filter; user changes fire `input`,
 *   then `change` when committed (at once for clicks and choices; for the
 *   search text on Enter or when the field loses focus), and
 *   `deal-filter-change`. With `sync-url`, the filter round-trips through
 *   the page's query string (`?status=open,won,lost&reason=too-expensive&q=acme`).
 *
 * @tag deal-lost-filter
 * @summary Filters deals (lost ones too), analyses why deals are lost, restores them in bulk.
 *
 * @fires input - The user changed the shared filter (a plain `Event`, bubbling and composed); read `value`.
 * @fires change - The user committed a change of the shared filter (a plain `Event`, bubbling and composed); read `value`.
 * @fires deal-filter-change - {@link DealFilterChangeEvent} The user changed the shared filter; `detail` is the new filter.
 * @fires deal-restored - {@link DealRestoredEvent} A lost deal was restored and saved by the bulk Restore (one event per deal).
 * @fires deal-error - {@link DealErrorEvent} A bulk restore or mark-as-lost was refused by the storage and rolled back.
 * @fires deal-lost - {@link DealLostEvent} From the inner lost dialog: the selected deals were marked lost and saved.
 * @fires deal-lost-submit - {@link DealLostSubmitEvent} From the inner lost dialog: the user confirmed; cancelable.
 * @fires deal-lost-cancel - {@link DealLostCancelEvent} From the inner lost dialog: closed without saving.
 *
 * @csspart base - The element's frame.
 * @csspart toolbar - The row with the status toggles, the search field and the list toggle.
 * @csspart statuses - The group of status toggles.
 * @csspart status-toggle - One status toggle button (`aria-pressed`); also `status-open`, `status-won`, `status-lost`.
 * @csspart search - The search field.
 * @csspart list-toggle - The "Show list" / "Hide list" button.
 * @csspart chips - The active filters and the Clear button.
 * @csspart chip - One active filter.
 * @csspart chip-remove - The button that removes one active filter.
 * @csspart clear-button - The "Clear" button.
 * @csspart facets - The facets and date ranges.
 * @csspart facet - One facet or date range (a fieldset).
 * @csspart analysis - The lost analysis.
 * @csspart group-by - The "Group by" select.
 * @csspart groups - The ranked list of groups.
 * @csspart group - One group: label, count, amount and bar.
 * @csspart group-button - The button that chooses a group (`aria-pressed`).
 * @csspart group-bar - The proportional bar of a group.
 * @csspart missing-rates - The warning about amounts without an exchange rate.
 * @csspart results - The results list with its bulk actions.
 * @csspart bulk-actions - The toolbar of bulk actions.
 * @csspart restore-button - The bulk "Restore" button.
 * @csspart mark-lost-button - The bulk "Mark as lost" button.
 * @csspart list - The scrolling table of matching deals.
 * @csspart list-header - The header row of the table.
 * @csspart row - One deal row.
 * @csspart lost-badge - The LOST (or WON) badge in a row.
 * @csspart confirm-dialog - The restore confirmation `<dialog>`.
 * @csspart confirm-button - The button that confirms the restore.
 * @csspart cancel-button - The button that cancels the restore.
 *
 * @cssprop --deal-filter-list-height - Maximum height of the results list (default 24rem).
 * @cssprop --deal-filter-bar-color - Colour of the lost-analysis bars (default the lost colour).
 * @cssprop --deal-filter-padding - Inner spacing of the element (default 0.75rem).
 * @cssprop --deal-color-on-accent - Text on pressed toggles and badges.
 * @cssprop --deal-color-surface - Background.
 * @cssprop --deal-color-surface-muted - Background of the analysis, the chips and the list header.
 * @cssprop --deal-color-border - Borders.
 * @cssprop --deal-color-text - Text colour.
 * @cssprop --deal-color-muted - Secondary text (counts, hints).
 * @cssprop --deal-color-accent - Pressed toggles, group links, selected rows, focus ring.
 * @cssprop --deal-color-won - The WON badge.
 * @cssprop --deal-color-lost - The pressed Lost toggle, LOST badges and bars.
 * @cssprop --deal-color-warning - The missing-rate warning.
 * @cssprop --deal-radius - Corner radius.
 * @cssprop --deal-font-family - Font family.
 * @cssprop --deal-font-size - Base font size.
 * @cssprop --deal-focus-ring - Outline of focused controls.
 */
export class DealLostFilter extends DealElement<FilterMessages> {
  static override styles = [hostStyles, controlStyles, lostFilterStyles];

  /** How the lost analysis groups lost deals: `reason` (default), `stage` (where they were lost), `owner` or `month`. */
  @property({ attribute: 'group-by', reflect: true }) groupBy: LostGroupBy = 'reason';

  /** `summary` (default): filter and lost analysis; `list`: the results list too. */
  @property({ reflect: true }) view: LostFilterView = 'summary';

  /** Keeps the filter in the page's query string (`history.replaceState`), and applies the address's filter on load and on back/forward. */
  @property({ type: Boolean, attribute: 'sync-url', reflect: true }) syncUrl = false;

  /** Milliseconds typing must pause before the search text is applied (default 250). */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 250;

  /**
   * The day the named ranges ("this month"...) count from, `YYYY-MM-DD`.
   * Default: today where the user is. Set it for reproducible demos and tests.
   */
  @property() today: string | null = null;

  @state() private selected: ReadonlySet<string> = new Set();
  /** Ranges for which the user chose "Custom range" (the from/to fields show even while empty). */
  @state() private customRange: Readonly<Record<RangeField, boolean>> = { lostDate: false, closeDate: false };
  /** The deals the restore confirmation is open for. */
  @state() private confirmIds: readonly string[] = [];
  @state() private announcement = '';
  @state() private alertText = '';

  @query('dialog.confirm') private confirmDialog!: HTMLDialogElement | null;
  @query('.scroller') private scroller!: HTMLElement | null;

  #window = new VirtualWindowController(this, ROW_HEIGHT);
  #rowFocus = new RowFocusController(this, { window: this.#window, root: () => this.renderRoot });
  #urlSync = new UrlSyncController(this, { enabled: () => this.syncUrl, store: () => this.store });

  /** Counts store changes, so derived data is computed once per change. */
  #version = 0;
  #derived: Derived | null = null;
  #attachedStore: unknown = null;
  /** A `value` set before the store arrived. */
  #pendingValue: DealFilter | null = null;
  /** True while this element sets the filter for the user (its events are fired by it). */
  #settingFilter = false;
  /** The shared filter changed since the last update (the selection is narrowed to what it shows). */
  #filterChanged = false;
  /** The filter as of the last `change` (or the last change made by others), to fire `change` only for real changes. */
  #committedKey = '';
  /** The search text as typed, and the timer that applies it. */
  #typed: string | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super(catalogue);
  }

  /**
   * The shared filter (a copy). Setting it sets the shared filter of the
   * provider, without firing events (as with native form controls). Invalid
   * input throws a `validation` DealAdapterError.
   */
  get value(): DealFilter {
    return normalizeFilter(this.store?.filter ?? this.#pendingValue ?? defaultFilter());
  }

  set value(filter: DealFilter) {
    const parsed = normalizeFilter(parseOrThrow(DealQuery, filter, 'filter'));
    if (this.store) this.store.setFilter(parsed);
    else this.#pendingValue = parsed;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // An element taken off the page does not change the shared filter any more.
    clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
  }

  protected override storeChanged(change: StoreChange): void {
    this.#version += 1;
    const store = this.store;
    if (store !== this.#attachedStore) {
      this.#attachedStore = store;
      if (store && this.#pendingValue) {
        const pending = this.#pendingValue;
        this.#pendingValue = null;
        store.setFilter(pending);
      }
      this.#urlSync.start();
      this.#committedKey = store ? filterKey(store.filter) : '';
    } else if (change.filter && store) {
      this.#filterChanged = true;
      // A change by code or another element is the new baseline for `change`.
      if (!this.#settingFilter) this.#committedKey = filterKey(store.filter);
      this.#urlSync.write();
    }
    super.storeChanged(change);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('syncUrl') && this.syncUrl) this.#urlSync.start();
    if (!GROUP_BYS.includes(this.groupBy)) this.groupBy = 'reason';
    if (this.#filterChanged && this.selected.size > 0 && this.store) {
      // A new filter keeps only the selected deals it still shows. (A deal that leaves the list
      // for a moment, say while a refused restore is rolled back, stays selected: bulk actions
      // only ever act on the selected deals that are shown.)
      const shown = this.#rowFocus.positions(this.store.matching());
      const kept = [...this.selected].filter((id) => shown.has(id));
      if (kept.length !== this.selected.size) this.selected = new Set(kept);
    }
    this.#filterChanged = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#window.observe(this.scroller);
  }

  protected override render() {
    const msg = this.l10n.msg;
    const store = this.store;
    const derived = store ? this.#derive() : null;
    return html`
      <div part="base" class="base" dir=${this.direction} @input=${this.#keepInnerInput}>
        <div role="search" aria-label=${msg['filter.label']} class="search-area">
          ${this.#renderToolbar(derived)} ${this.#renderChips()}
        </div>
        <div class="panels">${this.#renderFacets(derived)} ${this.#renderAnalysis(derived)}</div>
        ${this.view === 'list' ? this.#renderResults() : nothing} ${this.#renderConfirm()}
        <deal-lost-dialog></deal-lost-dialog>
        <div class="visually-hidden" role="status">${this.announcement}</div>
        <div class="visually-hidden" role="alert">${this.alertText}</div>
      </div>
    `;
  }

  // ---- toolbar: statuses, search, list toggle ----------------------------------------

  #renderToolbar(derived: Derived | null) {
    const msg = this.l10n.msg;
    const shown = shownStatuses(this.value);
    const listShown = this.view === 'list';
    return html`
      <div class="toolbar" part="toolbar">
        <div class="statuses" part="statuses" role="group" aria-label=${msg['filter.statuses']}>
          ${ALL_STATUSES.map(
            (status) => html`
              <button
                type="button"
                part="status-toggle status-${status}"
                data-status=${status}
                aria-pressed=${shown.includes(status) ? 'true' : 'false'}
                @click=${() => this.#toggleStatus(status)}
              >
                <span>${statusName(msg, status)}</span>
                <span class="count">${this.l10n.format.number(derived?.counts.statuses.get(status) ?? 0)}</span>
              </button>
            `,
          )}
        </div>
        <label class="search">
          <span class="visually-hidden">${msg['filter.search']}</span>
          <input
            type="search"
            part="search"
            maxlength="200"
            placeholder=${msg['filter.searchPlaceholder']}
            .value=${live(this.#searchText())}
            @input=${this.#onSearchInput}
            @change=${() => this.#flushSearch(true)}
            @keydown=${this.#onSearchKeydown}
          />
        </label>
        <button
          type="button"
          part="list-toggle"
          aria-expanded=${listShown ? 'true' : 'false'}
          aria-controls=${listShown ? 'results' : nothing}
          @click=${() => (this.view = listShown ? 'summary' : 'list')}
        >
          ${listShown ? msg['list.hide'] : msg['list.show']}
        </button>
      </div>
    `;
  }

  /** What the search field shows: the text being typed, unless the filter's text was changed elsewhere. */
  #searchText(): string {
    const filterText = this.store?.filter.text ?? '';
    if (this.#typed === null) return filterText;
    if (this.#searchTimer !== undefined || this.#typed.trim() === filterText) return this.#typed;
    return filterText;
  }

  #onSearchInput = (event: Event): void => {
    this.#typed = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#flushSearch(false), Math.max(0, this.searchDelay));
  };

  #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') this.#flushSearch(true);
  };

  /** Applies the typed search text now; `commit` also fires `change` (Enter, leaving the field). */
  #flushSearch(commit: boolean): void {
    const pending = this.#searchTimer !== undefined;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
    if (!this.store) return;
    if (pending && this.#typed !== null) {
      this.#setFilter({ ...this.store.filter, text: this.#typed.trim() }, commit);
    } else if (commit) {
      this.#fireChange();
    }
  }

  #toggleStatus(status: DealStatus): void {
    if (!this.store) return;
    const next = withStatusToggled(this.store.filter, status);
    if (next === this.store.filter) {
      this.#announce(this.l10n.msg['filter.lastStatus']);
      return;
    }
    this.#setFilter(next, true);
  }

  // ---- chips ---------------------------------------------------------------------

  #renderChips() {
    const msg = this.l10n.msg;
    const filter = this.value;
    const narrowings = narrowingsOf(filter, CHIP_ORDER);
    return html`
      <div class="chips" part="chips">
        ${narrowings.length === 0
          ? html`<span class="hint">${msg['chip.none']}</span>`
          : html`<ul aria-label=${msg['chips.label']}>
              ${narrowings.map((narrowing) => {
                const label = this.#chipLabel(narrowing);
                return html`<li class="chip" part="chip">
                  <span class="chip-label" title=${label}>${label}</span>
                  <button
                    type="button"
                    part="chip-remove"
                    aria-label=${this.l10n.t('chip.remove', { label })}
                    @click=${() => this.#removeNarrowing(narrowing)}
                  >
                    ×
                  </button>
                </li>`;
              })}
            </ul>`}
        <button type="button" part="clear-button" ?disabled=${isDefaultFilter(filter)} @click=${this.#clear}>
          ${msg['action.clear']}
        </button>
      </div>
    `;
  }

  #chipLabel(narrowing: Narrowing): string {
    const msg = this.l10n.msg;
    const field = (name: string, value: string) => this.l10n.t('chip.field', { field: name, value });
    switch (narrowing.field) {
      case 'statuses':
        return field(msg['field.status'], this.l10n.format.list(narrowing.statuses.map((s) => statusName(msg, s))));
      case 'lostReasonIds':
        return field(msg['field.lostReason'], this.#reasonLabel(narrowing.value));
      case 'stageIds':
        return field(msg['field.stage'], this.#stageLabel(narrowing.value));
      case 'owners':
        return field(msg['field.owner'], narrowing.value);
      case 'lostDate':
        return field(msg['filter.lostDate'], this.#rangeLabel(narrowing.range, LOST_DATE_PRESETS));
      case 'closeDate':
        return field(msg['field.expectedClose'], this.#rangeLabel(narrowing.range, CLOSE_DATE_PRESETS));
      case 'text':
        return this.l10n.t('chip.search', { text: narrowing.text });
    }
  }

  #rangeLabel(range: DateRange, presets: readonly RangePreset[]): string {
    const preset = presetOf(range, presets, this.#today());
    if (preset) return this.l10n.msg[`range.${preset}`];
    const format = this.l10n.format;
    if (range.from && range.to) return this.l10n.t('chip.between', { from: format.date(range.from), to: format.date(range.to) });
    if (range.from) return this.l10n.t('chip.from', { date: format.date(range.from) });
    return this.l10n.t('chip.until', { date: format.date(range.to ?? '') });
  }

  #removeNarrowing(narrowing: Narrowing): void {
    if (!this.store) return;
    if (narrowing.field === 'lostDate' || narrowing.field === 'closeDate') {
      this.customRange = { ...this.customRange, [narrowing.field]: false };
    }
    this.#setFilter(withoutNarrowing(this.store.filter, narrowing), true);
  }

  #clear = (): void => {
    if (!this.store) return;
    this.#typed = null;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
    this.customRange = { lostDate: false, closeDate: false };
    this.#setFilter(defaultFilter(), true);
  };

  // ---- facets and ranges -------------------------------------------------------------

  #renderFacets(derived: Derived | null) {
    const msg = this.l10n.msg;
    const store = this.store;
    const filter = this.value;
    const counts = derived?.counts;
    const reasonIds = new Set(filter.lostReasonIds ?? []);
    const reasons = (store?.lostReasons ?? [])
      .filter((r) => !r.archived || (counts?.reasons.get(r.id) ?? 0) > 0 || reasonIds.has(r.id))
      .map((r) => ({ value: r.id, label: r.archived ? this.l10n.t('filter.archived', { name: lostReasonName(msg, r) }) : lostReasonName(msg, r) }));
    for (const id of reasonIds) if (!reasons.some((r) => r.value === id)) reasons.push({ value: id, label: id });
    const stages = (store?.stages ?? []).map((s) => ({ value: s.id, label: stageName(msg, s) }));
    for (const id of filter.stageIds ?? []) if (!stages.some((s) => s.value === id)) stages.push({ value: id, label: id });
    const owners = [...(derived?.owners ?? [])];
    for (const owner of filter.owners ?? []) if (!owners.includes(owner)) owners.push(owner);

    return html`
      <div class="facets" part="facets">
        ${this.#renderFacet('lostReasonIds', msg['field.lostReason'], reasons, counts?.reasons, msg['filter.noReasons'])}
        ${this.#renderFacet('stageIds', msg['field.stage'], stages, counts?.stages, '', msg['filter.stageHint'])}
        ${this.#renderFacet(
          'owners',
          msg['field.owner'],
          owners.map((o) => ({ value: o, label: o })),
          counts?.owners,
          msg['filter.noOwners'],
        )}
        ${this.#renderRange('lostDate', msg['filter.lostDate'], LOST_DATE_PRESETS)}
        ${this.#renderRange('closeDate', msg['field.expectedClose'], CLOSE_DATE_PRESETS)}
      </div>
    `;
  }

  #renderFacet(
    field: FacetField,
    legend: string,
    options: readonly { value: string; label: string }[],
    counts: ReadonlyMap<string, number> | undefined,
    emptyText: string,
    hint = '',
  ) {
    const chosen = new Set(this.value[field] ?? []);
    return html`
      <fieldset part="facet" data-facet=${field}>
        <legend>${legend}</legend>
        ${hint ? html`<p class="hint">${hint}</p>` : nothing}
        ${options.length === 0 && emptyText
          ? html`<p class="hint">${emptyText}</p>`
          : html`<ul class="options">
              ${options.map(({ value, label }) => {
                const count = counts?.get(value) ?? 0;
                return html`<li class=${classMap({ 'empty-value': count === 0 })}>
                  <label>
                    <input
                      type="checkbox"
                      data-value=${value}
                      .checked=${live(chosen.has(value))}
                      @change=${(event: Event) => this.#toggleFacet(field, value, (event.target as HTMLInputElement).checked)}
                    />
                    <span class="name">${label}</span>
                    <span class="count">${this.l10n.format.number(count)}</span>
                  </label>
                </li>`;
              })}
            </ul>`}
      </fieldset>
    `;
  }

  #toggleFacet(field: FacetField, value: string, on: boolean): void {
    if (!this.store) return;
    this.#setFilter(withFacetValue(this.store.filter, field, value, on), true);
  }

  #renderRange(field: RangeField, legend: string, presets: readonly RangePreset[]) {
    const msg = this.l10n.msg;
    const range = this.value[field];
    const preset = presetOf(range, presets, this.#today());
    const custom = this.customRange[field] || (!!range && !preset);
    const selected = custom ? 'custom' : (preset ?? 'any');
    return html`
      <fieldset part="facet" data-facet=${field} class="range">
        <legend>${legend}</legend>
        <select aria-label=${legend} data-range=${field} @change=${(event: Event) => this.#chooseRange(field, presets, (event.target as HTMLSelectElement).value)}>
          <option value="any" ?selected=${selected === 'any'}>${msg['range.any']}</option>
          ${presets.map((p) => html`<option value=${p} ?selected=${selected === p}>${msg[`range.${p}`]}</option>`)}
          <option value="custom" ?selected=${selected === 'custom'}>${msg['range.custom']}</option>
        </select>
        ${custom
          ? html`
              <label>
                ${msg['range.from']}
                <input
                  type="date"
                  data-end="from"
                  .value=${live(range?.from ?? '')}
                  @change=${(event: Event) => this.#setRangeEnd(field, 'from', (event.target as HTMLInputElement).value)}
                />
              </label>
              <label>
                ${msg['range.to']}
                <input
                  type="date"
                  data-end="to"
                  .value=${live(range?.to ?? '')}
                  @change=${(event: Event) => this.#setRangeEnd(field, 'to', (event.target as HTMLInputElement).value)}
                />
              </label>
            `
          : nothing}
      </fieldset>
    `;
  }

  #chooseRange(field: RangeField, presets: readonly RangePreset[], choice: string): void {
    if (!this.store) return;
    if (choice === 'custom') {
      this.customRange = { ...this.customRange, [field]: true };
      return;
    }
    this.customRange = { ...this.customRange, [field]: false };
    const preset = presets.find((p) => p === choice);
    const range = preset ? presetRange(preset, this.#today()) : null;
    this.#setFilter(withRange(this.store.filter, field, range), true);
  }

  #setRangeEnd(field: RangeField, end: 'from' | 'to', day: string): void {
    if (!this.store) return;
    const current = this.store.filter[field] ?? {};
    this.#setFilter(withRange(this.store.filter, field, { ...current, [end]: day || null }), true);
  }

  #today(): string {
    return this.today ?? localToday();
  }

  // ---- lost analysis -------------------------------------------------------------------

  #renderAnalysis(derived: Derived | null) {
    const msg = this.l10n.msg;
    const format = this.l10n.format;
    const store = this.store;
    const analysis = derived?.analysis ?? null;
    const filter = this.value;
    const top = analysis?.groups[0]?.count ?? 0;
    let body;
    if (!store || store.status === 'loading') {
      body = html`<p class="hint">${msg['state.loading']}</p>`;
    } else if (store.status === 'error') {
      body = html`<p class="error">${this.errorMessage(store.error)}</p>`;
    } else if (derived?.analysisFailed || !analysis) {
      body = html`<p class="error">${msg['analysis.error']}</p>`;
    } else if (analysis.total.count === 0) {
      body = html`<p class="hint">${msg['analysis.empty']}</p>`;
    } else {
      const missing = analysis.missingRates;
      body = html`
        <p class="total">
          ${this.l10n.t('analysis.total', { count: analysis.total.count, amount: format.currency(analysis.total.amount, store.currency) })}
        </p>
        <ol class="groups" part="groups" aria-describedby="analysis-choose">
          ${analysis.groups.map((group) => {
            const label = this.#groupLabel(group.key);
            const choosable = isChoosableGroup(this.groupBy, group.key);
            const pressed = isNarrowedToGroup(filter, this.groupBy, group.key);
            return html`<li class="group" part="group" data-key=${group.key}>
              ${choosable
                ? html`<button
                    type="button"
                    class="group-label"
                    part="group-button"
                    aria-pressed=${pressed ? 'true' : 'false'}
                    @click=${() => this.#chooseGroup(group.key)}
                  >
                    ${label}
                  </button>`
                : html`<span class="group-label">${label}</span>`}
              <span class="count group-count">${this.l10n.t('filter.count', { count: group.count })}</span>
              <span class="group-amount">${format.currency(group.amount, store.currency)}</span>
              <span class="bar-track" aria-hidden="true">
                <span class="bar" part="group-bar" style=${styleMap({ 'inline-size': `${top > 0 ? (group.count / top) * 100 : 0}%` })}></span>
              </span>
            </li>`;
          })}
        </ol>
        <p class="hint" id="analysis-choose">${msg['analysis.choose']}</p>
        ${missing.length > 0
          ? html`<p class="warning" part="missing-rates" role="note">
              ${this.l10n.t('analysis.missingRates', {
                count: missing.reduce((sum, m) => sum + m.count, 0),
                currencies: format.list(missing.map((m) => m.currency)),
              })}
            </p>`
          : nothing}
      `;
    }
    return html`
      <section class="analysis" part="analysis" aria-labelledby="analysis-title">
        <div class="analysis-head">
          <h3 id="analysis-title">${msg['analysis.title']}</h3>
          <label>
            ${msg['analysis.groupBy']}
            <select part="group-by" @change=${(event: Event) => (this.groupBy = (event.target as HTMLSelectElement).value as LostGroupBy)}>
              ${GROUP_BYS.map((g) => html`<option value=${g} ?selected=${g === this.groupBy}>${msg[`groupBy.${g}`]}</option>`)}
            </select>
          </label>
        </div>
        <p class="hint">${msg['analysis.scope']}</p>
        ${body}
      </section>
    `;
  }

  #groupLabel(key: string): string {
    const msg = this.l10n.msg;
    switch (this.groupBy) {
      case 'reason':
        return key === NO_VALUE_KEY ? msg['group.noReason'] : this.#reasonLabel(key);
      case 'stage':
        return this.#stageLabel(key);
      case 'owner':
        return key === NO_VALUE_KEY ? msg['group.noOwner'] : key;
      case 'month':
        return key === NO_VALUE_KEY ? msg['date.none'] : this.l10n.format.month(`${key}-01`);
    }
  }

  #chooseGroup(key: string): void {
    if (!this.store) return;
    this.#setFilter(withGroupChosen(this.store.filter, this.groupBy, key), true);
  }

  #reasonLabel(id: string): string {
    const reason = this.store?.lostReason(id);
    return reason ? lostReasonName(this.l10n.msg, reason) : id;
  }

  #stageLabel(id: string): string {
    const stage = this.store?.stage(id);
    return stage ? stageName(this.l10n.msg, stage) : id;
  }

  // ---- results list ---------------------------------------------------------------------

  #renderResults() {
    const msg = this.l10n.msg;
    const store = this.store;
    const deals = store?.status === 'ready' ? store.matching() : [];
    const count = deals.length;
    const chosen = deals.filter((d) => this.selected.has(d.id));
    const lostIds = chosen.filter((d) => d.status === 'lost').map((d) => d.id);
    const openIds = chosen.filter((d) => d.status === 'open').map((d) => d.id);
    const all = count > 0 && chosen.length === count;
    const some = chosen.length > 0 && !all;
    const activeIndex = this.#rowFocus.activeIndex(deals);
    const { start, end } = this.#window.range(count);
    const indices: number[] = [];
    for (let i = start; i < end; i++) indices.push(i);
    // The row holding keyboard focus stays rendered even when scrolled away.
    if (count > 0 && (activeIndex < start || activeIndex >= end)) indices.push(activeIndex);
    indices.sort((a, b) => a - b);

    return html`
      <section class="results" part="results" id="results" aria-label=${msg['list.label']}>
        <div class="bulk" part="bulk-actions" role="toolbar" aria-label=${msg['bulk.label']}>
          <span>${this.l10n.t('list.selected', { count: chosen.length })}</span>
          <button type="button" part="restore-button" ?disabled=${lostIds.length === 0} @click=${() => this.#askRestore(lostIds)}>
            ${this.l10n.t('bulk.restore', { count: lostIds.length })}
          </button>
          <button type="button" part="mark-lost-button" ?disabled=${openIds.length === 0} @click=${() => this.#markLost(openIds)}>
            ${this.l10n.t('bulk.markLost', { count: openIds.length })}
          </button>
        </div>
        ${!store || store.status === 'loading'
          ? html`<p class="empty">${msg['state.loading']}</p>`
          : count === 0
            ? html`<p class="empty">${msg['list.empty']}</p>`
            : html`
                <div
                  class="scroller"
                  part="list"
                  role="table"
                  aria-label=${msg['list.label']}
                  aria-rowcount=${count + 1}
                  @keydown=${(event: KeyboardEvent) => this.#rowFocus.keydown(event, deals)}
                >
                  <div class="row header" part="list-header" role="row" aria-rowindex="1">
                    <span role="columnheader">
                      <input
                        type="checkbox"
                        class="select-all"
                        aria-label=${this.l10n.t('list.selectAll', { count })}
                        .checked=${live(all)}
                        .indeterminate=${some}
                        @change=${(event: Event) => this.#selectAll(deals, (event.target as HTMLInputElement).checked)}
                      />
                    </span>
                    <span role="columnheader">${msg['field.title']}</span>
                    <span role="columnheader">${msg['field.company']}</span>
                    <span role="columnheader" class="amount">${msg['field.amount']}</span>
                    <span role="columnheader">${msg['field.stage']}</span>
                    <span role="columnheader">${msg['field.lostReason']}</span>
                    <span role="columnheader">${msg['list.lostOn']}</span>
                    <span role="columnheader">${msg['field.closingNote']}</span>
                  </div>
                  <div class="rows" role="rowgroup" style=${styleMap({ 'block-size': `${count * ROW_HEIGHT}px` })}>
                    ${repeat(
                      indices,
                      (i) => deals[i]!.id,
                      (i) => this.#renderRow(deals[i]!, i, i === activeIndex),
                    )}
                  </div>
                </div>
              `}
      </section>
    `;
  }

  #renderRow(deal: Deal, index: number, active: boolean) {
    const msg = this.l10n.msg;
    const format = this.l10n.format;
    const selected = this.selected.has(deal.id);
    const lost = deal.status === 'lost';
    const none = html`<span class="none">—</span>`;
    const note = lost ? excerpt(deal.closingNote) : '';
    return html`
      <div
        class=${classMap({ row: true, selected })}
        part="row"
        role="row"
        aria-rowindex=${index + 2}
        data-id=${deal.id}
        style=${styleMap({ 'inset-block-start': `${index * ROW_HEIGHT}px` })}
      >
        <span role="cell">
          <input
            type="checkbox"
            data-index=${index}
            tabindex=${active ? '0' : '-1'}
            aria-label=${this.l10n.t('list.selectDeal', { title: deal.title })}
            .checked=${live(selected)}
            @focus=${() => this.#rowFocus.focused(deal.id)}
            @change=${(event: Event) => this.#select(deal.id, (event.target as HTMLInputElement).checked)}
          />
        </span>
        <span role="cell" class="title" title=${deal.title}>
          ${deal.status === 'open' ? nothing : html`<span class="badge ${deal.status}" part="lost-badge">${msg[`ribbon.${deal.status}`]}</span>`}${deal.title}
        </span>
        <span role="cell" title=${deal.company}>${deal.company || none}</span>
        <span role="cell" class="amount">${format.currency(deal.amount, deal.currency)}</span>
        <span role="cell">${this.#stageLabel(deal.stageId)}</span>
        <span role="cell">${lost && deal.lostReasonId ? this.#reasonLabel(deal.lostReasonId) : none}</span>
        <span role="cell">${lost && deal.closedAt ? format.date(deal.closedAt) : none}</span>
        <span role="cell" title=${lost ? deal.closingNote : ''}>${note || none}</span>
      </div>
    `;
  }

  #select(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  #selectAll(deals: readonly Deal[], on: boolean): void {
    this.selected = on ? new Set(deals.map((d) => d.id)) : new Set();
  }

  #deselect(ids: Iterable<string>): void {
    const next = new Set(this.selected);
    for (const id of ids) next.delete(id);
    this.selected = next;
  }

  // ---- bulk actions --------------------------------------------------------------------

  #renderConfirm() {
    const msg = this.l10n.msg;
    const count = this.confirmIds.length;
    return html`
      <dialog class="confirm" part="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body">
        <form method="dialog" @submit=${this.#onConfirmSubmit}>
          <h3 id="confirm-title">${msg['confirm.title']}</h3>
          <div id="confirm-body">
            <p>${this.l10n.t('confirm.body', { count })}</p>
            <p>${msg['confirm.history']}</p>
          </div>
          <div class="actions">
            <button value="cancel" part="cancel-button">${msg['action.cancel']}</button>
            <button value="confirm" class="primary" part="confirm-button" autofocus>${this.l10n.t('confirm.restore', { count })}</button>
          </div>
        </form>
      </dialog>
    `;
  }

  async #askRestore(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    this.alertText = '';
    this.confirmIds = ids;
    await this.updateComplete;
    this.confirmDialog?.showModal();
  }

  /**
   * The form closes the dialog by itself (`method="dialog"`); its submit
   * event says which button closed it. (Chromium fires the dialog's `close`
   * event only at the next animation frame, which never comes in a hidden
   * tab, so the restore does not wait for it.)
   */
  #onConfirmSubmit = (event: SubmitEvent): void => {
    const submitter = event.submitter as HTMLButtonElement | null;
    if (submitter?.value === 'confirm') void this.#restore(this.confirmIds);
  };

  async #restore(ids: readonly string[]): Promise<void> {
    const store = this.store;
    if (!store) return;
    let saved: readonly Deal[];
    try {
      saved = await store.restore(ids, { origin: this });
      this.#announce(this.l10n.t('announce.restored', { count: saved.length }));
    } catch (error) {
      // The refused ones are rolled back and reported as `deal-error` from this element; the others were saved.
      this.alertText = this.errorMessage(error);
      saved = ids.map((id) => store.deal(id)).filter((deal): deal is Deal => deal?.status === 'open');
    }
    for (const deal of saved) {
      const restored = new DealRestoredEvent({ deal });
      this.dispatchEvent(restored);
    }
    this.#deselect(saved.map((deal) => deal.id));
    await this.#keepFocusInList();
  }

  async #markLost(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    this.alertText = '';
    const dialog = this.renderRoot.querySelector('deal-lost-dialog') as DealLostDialog | null;
    if (!dialog || typeof dialog.show !== 'function') {
      this.alertText = this.l10n.msg['bulk.dialogMissing'];
      return;
    }
    try {
      const outcome = await dialog.show(ids);
      if (!outcome) return;
      this.#announce(this.l10n.t('announce.markedLost', { count: ids.length }));
      this.#deselect(ids);
      await this.#keepFocusInList();
    } catch (error) {
      this.alertText = this.errorMessage(error);
    }
  }

  /** After a bulk action the button that had focus may be disabled: move focus to the list. */
  async #keepFocusInList(): Promise<void> {
    await this.updateComplete;
    const focused = this.shadowRoot?.activeElement as HTMLButtonElement | null;
    if (focused && !focused.disabled) return;
    const target =
      this.renderRoot.querySelector<HTMLInputElement>('.rows input[tabindex="0"]') ??
      this.renderRoot.querySelector<HTMLInputElement>('.select-all');
    target?.focus();
  }

  #announce(text: string): void {
    // Cleared first, so the same sentence twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // ---- filter changes and events ---------------------------------------------------------------

  /** Sets the shared filter for the user, and fires `input` and `deal-filter-change` (and `change` when committed). */
  #setFilter(next: DealFilter, commit: boolean): void {
    const store = this.store;
    if (!store) return;
    this.alertText = '';
    if (!filtersEqual(next, store.filter)) {
      this.#settingFilter = true;
      try {
        store.setFilter(next);
      } finally {
        this.#settingFilter = false;
      }
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      // Built apart from the dispatch: the manifest analyzer cannot name a typed event class and would list a nameless event.
      const filterChange = new DealFilterChangeEvent(this.value);
      this.dispatchEvent(filterChange);
    }
    if (commit) this.#fireChange();
  }

  #fireChange(): void {
    const store = this.store;
    if (!store) return;
    const key = filterKey(store.filter);
    if (key === this.#committedKey) return;
    this.#committedKey = key;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /**
   * `input` events of the controls inside are composed and would leave the
   * shadow root looking like the element's own; the element fires its own.
   */
  #keepInnerInput = (event: Event): void => {
    event.stopPropagation();
  };

  #derive(): Derived {
    const store = this.store!;
    const cached = this.#derived;
    if (cached && cached.version === this.#version && cached.groupBy === this.groupBy) return cached;
    const filter = store.filter;
    let analysis: LostAnalysis | null = null;
    let analysisFailed = false;
    try {
      analysis = lostAnalysis(analysedLostDeals(store.deals.values(), filter), {
        groupBy: this.groupBy,
        currency: store.currency,
        rates: store.rates,
      });
    } catch {
      analysisFailed = true;
    }
    const counts = cached && cached.version === this.#version ? cached.counts : facetCounts(store.deals.values(), filter);
    const owners = cached && cached.version === this.#version ? cached.owners : ownersOf(store.deals.values(), this.l10n.locale);
    this.#derived = { version: this.#version, groupBy: this.groupBy, counts, owners, analysis, analysisFailed };
    return this.#derived;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'deal-lost-filter': DealLostFilter;
  }
}
