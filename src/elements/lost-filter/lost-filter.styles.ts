import { css } from 'lit';

/** Height of one row of the results list, in pixels: the windowing counts on it. */
export const ROW_HEIGHT = 40;

/** Styles of `<deal-lost-filter>`: logical properties only, so Persian mirrors. */
export const lostFilterStyles = css`
  :host {
    --_bar: var(--deal-filter-bar-color, var(--_lost));
    --_list-height: var(--deal-filter-list-height, 24rem);
    --_row-height: ${ROW_HEIGHT}px;
  }

  .base {
    display: grid;
    gap: 0.75rem;
    padding: var(--deal-filter-padding, 0.75rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  button {
    padding: 0.3rem 0.7rem;
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  input[type='search'],
  input[type='date'],
  select {
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  h3 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .search-area {
    display: grid;
    gap: 0.5rem;
  }

  /* ---- toolbar: statuses, search, list toggle ---- */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .statuses {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .statuses button {
    display: inline-flex;
    gap: 0.4rem;
    align-items: baseline;
    border-radius: 999px;
  }
  .statuses button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .statuses button[aria-pressed='true'] .count {
    color: inherit;
  }
  .statuses button[data-status='lost'][aria-pressed='true'] {
    background: var(--_lost);
    border-color: var(--_lost);
  }
  .search {
    flex: 1 1 14rem;
    display: flex;
  }
  .search input {
    inline-size: 100%;
    min-inline-size: 10rem;
  }

  /* ---- chips ---- */
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .chips ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.2rem;
    padding-inline-start: 0.6rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-muted);
    max-inline-size: 100%;
  }
  .chip-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip button {
    border: none;
    background: none;
    border-radius: 999px;
    padding: 0.1rem 0.5rem;
    line-height: 1.2;
  }
  .chip button:hover {
    background: var(--_border);
  }

  /* ---- facets and analysis ---- */
  .panels {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    align-items: start;
  }
  .facets {
    display: grid;
    gap: 0.5rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    align-items: start;
  }
  fieldset {
    margin: 0;
    min-inline-size: 0;
    padding: 0.4rem 0.6rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .options {
    display: grid;
    gap: 0.1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: 10rem;
    overflow-y: auto;
  }
  .options label {
    display: flex;
    align-items: baseline;
    gap: 0.4rem;
    cursor: pointer;
  }
  .options .name {
    flex: 1;
    overflow-wrap: anywhere;
  }
  .options .empty-value .name {
    color: var(--_muted);
  }
  .range {
    display: grid;
    gap: 0.35rem;
  }
  .range label {
    display: grid;
    gap: 0.1rem;
    font-size: 0.9em;
  }

  .analysis {
    display: grid;
    gap: 0.5rem;
    padding: 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-muted);
  }
  .analysis-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }
  .analysis-head label {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
  }
  .total {
    margin: 0;
    font-weight: 600;
  }
  .groups {
    display: grid;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .group {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    gap: 0.15rem 0.75rem;
    align-items: baseline;
  }
  .group-label {
    overflow-wrap: anywhere;
    text-align: start;
  }
  button.group-label {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  button.group-label[aria-pressed='true'] {
    font-weight: 600;
    text-decoration-thickness: 2px;
  }
  .group-amount {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .bar-track {
    grid-column: 1 / -1;
    block-size: 0.4rem;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
  }
  .bar {
    display: block;
    block-size: 100%;
    border-radius: inherit;
    background: var(--_bar);
  }
  .warning {
    margin: 0;
    color: var(--_warning);
  }
  .error {
    margin: 0;
    color: var(--_lost);
  }

  /* ---- results list ---- */
  .results {
    display: grid;
    gap: 0.5rem;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .scroller {
    position: relative;
    max-block-size: var(--_list-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overscroll-behavior: contain;
  }
  .row {
    display: grid;
    grid-template-columns: 2.25rem minmax(12rem, 2.2fr) minmax(8rem, 1.3fr) minmax(7rem, 1fr) minmax(7rem, 1fr) minmax(8rem, 1.2fr) minmax(6.5rem, 0.9fr) minmax(10rem, 2fr);
    align-items: center;
    min-inline-size: 64rem;
    block-size: var(--_row-height);
    border-block-end: 1px solid var(--_border);
  }
  .row > * {
    padding-inline: 0.4rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .header {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface-muted);
    font-weight: 600;
  }
  .rows {
    position: relative;
    min-inline-size: 64rem;
  }
  .rows .row {
    position: absolute;
    inset-inline: 0;
    background: var(--_surface);
  }
  .rows .row.selected {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .amount {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .title {
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    margin-inline-end: 0.35rem;
    padding: 0 0.35rem;
    border-radius: 3px;
    background: var(--_lost);
    color: var(--_on-accent);
    font-size: 0.75em;
    font-weight: 700;
    vertical-align: middle;
  }
  .badge.won {
    background: var(--_won);
  }
  .none {
    color: var(--_muted);
  }
  .empty {
    margin: 0;
    padding: 0.75rem;
    color: var(--_muted);
  }

  /* ---- confirmation ---- */
  dialog {
    inline-size: min(28rem, calc(100vw - 2rem));
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: inherit;
    box-shadow: 0 12px 32px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog form {
    display: grid;
    gap: 0.75rem;
  }
  dialog p {
    margin: 0;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
`;
