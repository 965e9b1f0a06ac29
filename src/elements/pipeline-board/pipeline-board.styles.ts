import { css } from 'lit';

/**
 * Styles of `<deal-pipeline-board>`. Logical properties throughout, so the
 * layout mirrors in right-to-left locales; the one exception is the drag
 * ghost, placed at the pointer's physical coordinates.
 */
export const boardStyles = css`
  :host {
    block-size: var(--deal-board-height, 40rem);
    --_column-width: var(--deal-column-width, 18rem);
    --_card-height: var(--deal-card-height, 8rem);
    --_card-gap: var(--deal-card-gap, 0.5rem);
    --_overdue: var(--deal-color-overdue, var(--_lost));
    --_due-soon: var(--deal-color-due-soon, var(--_warning));
    --_due-later: var(--deal-color-due-later, var(--_accent));
    --_no-date: var(--deal-color-no-date, var(--_border));
    --_star: var(--deal-color-star, light-dark(#bf8700, #e3b341));
  }

  .root {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    block-size: 100%;
    min-block-size: 0;
  }

  .state,
  .notice {
    margin: 0;
    color: var(--_muted);
  }

  .notice {
    color: var(--_warning);
  }

  /* ---- summary, chips, alert ---- */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .summary {
    margin: 0;
    font-weight: 600;
  }

  .missing-rates {
    color: var(--_warning);
    margin-inline-start: 0.25rem;
    cursor: help;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.125rem;
    padding-block: 0.0625rem;
    padding-inline: 0.625rem 0.125rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 0.8125rem;
  }

  .chip-remove {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border: 0;
    border-radius: 50%;
    background: transparent;
    line-height: 1;
  }

  .chip-remove:hover {
    background: var(--_surface-muted);
  }

  .text-button {
    border: 0;
    border-radius: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    font-size: 0.8125rem;
  }

  .alert {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem 0.375rem;
    border: 1px solid var(--_lost);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_lost) 10%, var(--_surface));
  }

  .alert-text {
    flex: 1;
  }

  .alert button:not(.icon-button) {
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    padding: 0;
    border-color: transparent;
    background: transparent;
    font-size: 1.125rem;
    line-height: 1;
  }

  .icon-button:hover {
    border-color: var(--_border);
    background: var(--_surface);
  }

  /* ---- columns ---- */

  .columns {
    flex: 1;
    display: flex;
    gap: var(--deal-column-gap, 0.75rem);
    min-block-size: 0;
    overflow-x: auto;
    overflow-y: hidden;
    padding-block-end: 0.25rem;
  }

  .column {
    flex: 0 0 var(--_column-width);
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-muted);
  }

  .column.folded {
    flex-basis: var(--deal-folded-width, 2.75rem);
  }

  .unfold {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.75rem;
    padding-inline: 0;
    border: 0;
    border-radius: inherit;
    background: transparent;
  }

  .unfold:hover {
    background: var(--_surface);
  }

  .folded-name {
    writing-mode: vertical-rl;
    font-weight: 600;
    white-space: nowrap;
  }

  .folded-count {
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .column-header {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding-block: 0.5rem 0.5rem;
    padding-inline: 0.625rem 0.375rem;
    border-block-end: 1px solid var(--_border);
  }

  .column-title {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-inline-size: 0;
  }

  .column-name {
    overflow: hidden;
    font-weight: 600;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .column-count {
    padding-inline: 0.4rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .spacer {
    flex: 1;
  }

  .fold-icon {
    display: inline-block;
  }

  [dir='rtl'] .fold-icon {
    transform: scaleX(-1);
  }

  .column-totals {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 0.75rem;
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .column-totals strong {
    color: var(--deal-color-text, light-dark(#1f2328, #e6edf3));
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .health {
    display: flex;
    gap: 2px;
    block-size: 0.5rem;
    margin-block-start: 0.125rem;
  }

  .health-part {
    flex: 1 1 0;
    min-inline-size: 0.5rem;
    padding: 0;
    border: 0;
    border-radius: 999px;
  }

  .health-part:hover {
    filter: brightness(1.15);
  }

  .health-part.overdue {
    background: var(--_overdue);
  }
  .health-part.soon {
    background: var(--_due-soon);
  }
  .health-part.later {
    background: var(--_due-later);
  }
  .health-part.none {
    background: var(--_no-date);
  }

  /* ---- quick create ---- */

  .quick-create {
    display: grid;
    gap: 0.375rem;
    padding-block: 0.5rem;
    padding-inline: 0.625rem;
    border-block-end: 1px solid var(--_border);
    background: var(--_surface);
  }

  .quick-create label {
    display: grid;
    gap: 0.125rem;
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .quick-create input {
    padding-block: 0.25rem;
    padding-inline: 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    font-size: 0.875rem;
  }

  .quick-create input[aria-invalid='true'] {
    border-color: var(--_lost);
  }

  .field-error {
    margin: 0;
    color: var(--_lost);
    font-size: 0.75rem;
  }

  .form-buttons {
    display: flex;
    gap: 0.375rem;
  }

  .form-buttons button {
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
  }

  .form-buttons .primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  /* ---- column bodies and cards ---- */

  .column-body {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.5rem;
    /* Read by the virtualizer as the space between cards. */
    row-gap: var(--_card-gap);
  }

  .track {
    position: relative;
  }

  .empty {
    margin-block: 1rem;
    margin-inline: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
    text-align: center;
  }

  .card {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    block-size: var(--_card-height);
    padding-block: 0.5rem 0.375rem;
    padding-inline: 0.625rem;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--deal-card-shadow, 0 1px 2px rgb(0 0 0 / 0.06));
    cursor: grab;
    contain: layout style;
    user-select: none;
    -webkit-user-select: none;
    -webkit-touch-callout: none;
    /* Swipes scroll; a long press starts a drag (see the drag controller). */
    touch-action: pan-x pan-y;
  }

  /* Cards slide aside for the placeholder while a card is moved; only then,
     as starting transitions on every store update costs time on big boards. */
  @media (prefers-reduced-motion: no-preference) {
    .root.moving .card {
      transition: transform 120ms ease-out;
    }
  }

  .card:has(.card-title:focus-visible) {
    outline: var(--_focus);
    outline-offset: 1px;
  }

  .card-title {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    font-weight: 600;
    overflow-wrap: anywhere;
    outline: none;
  }

  .card.ribboned .card-title {
    padding-inline-end: 3.75rem;
  }

  .card-details {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: 0.125rem;
    min-block-size: 0;
  }

  .company {
    overflow: hidden;
    color: var(--_muted);
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .meta {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    overflow: hidden;
    white-space: nowrap;
  }

  .amount {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .close-date {
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  .close-date.overdue {
    color: var(--_overdue);
    font-weight: 600;
  }

  .overdue-mark {
    display: inline-grid;
    place-items: center;
    inline-size: 1rem;
    block-size: 1rem;
    margin-inline-end: 0.125rem;
    border-radius: 50%;
    background: var(--_overdue);
    color: var(--_on-lost);
    font-size: 0.6875rem;
    font-weight: 700;
  }

  .footer {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-block-size: 1.5rem;
    margin-block-start: auto;
    /* Room for the priority stars, placed over this row. */
    padding-inline-start: 3.75rem;
  }

  .tags {
    display: flex;
    flex: 1;
    gap: 0.25rem;
    min-inline-size: 0;
    overflow: hidden;
  }

  .tag {
    padding-inline: 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-muted);
    font-size: 0.6875rem;
    white-space: nowrap;
  }

  .owner {
    display: inline-grid;
    flex: none;
    place-items: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin-inline-start: auto;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_accent) 18%, var(--_surface));
    font-size: 0.6875rem;
    font-weight: 700;
  }

  .ribbon {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
    padding-inline: 0.375rem;
    border-radius: 3px;
    font-size: 0.6875rem;
    font-weight: 700;
    letter-spacing: 0.04em;
  }

  .ribbon.won {
    background: var(--_won);
    color: var(--_on-won);
  }

  .ribbon.lost {
    background: var(--_lost);
    color: var(--_on-lost);
  }

  .card.lost {
    background: color-mix(in srgb, var(--_lost) 5%, var(--_surface));
  }

  .card.won {
    background: color-mix(in srgb, var(--_won) 5%, var(--_surface));
  }

  .stars {
    position: absolute;
    inset-block-end: 0.375rem;
    inset-inline-start: 0.5rem;
    display: flex;
  }

  .star {
    padding-block: 0;
    padding-inline: 0.0625rem;
    border: 0;
    border-radius: 0;
    background: none;
    color: var(--_muted);
    font-size: 1.0625rem;
    line-height: 1.5rem;
  }

  .star[aria-pressed='true'] {
    color: var(--_star);
  }

  .actions {
    position: absolute;
    inset-block-end: 0.25rem;
    inset-inline-end: 0.25rem;
    display: flex;
    gap: 0.25rem;
    padding: 0.125rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    opacity: 0;
    pointer-events: none;
  }

  /* Always reachable by keyboard: focusing a button shows the row. */
  .card:hover .actions,
  .card:focus-within .actions {
    opacity: 1;
    pointer-events: auto;
  }

  .actions button {
    padding-block: 0.0625rem;
    padding-inline: 0.375rem;
    border-radius: 4px;
    font-size: 0.75rem;
    white-space: nowrap;
  }

  .actions button:hover {
    background: var(--_surface-muted);
  }

  .actions .won {
    color: var(--_won);
  }

  .actions .lost {
    color: var(--_lost);
  }

  .card.lifted {
    z-index: 1;
    outline: var(--_focus);
    box-shadow: 0 8px 20px rgb(0 0 0 / 0.25);
    cursor: grabbing;
  }

  .card.lifted .actions {
    display: none;
  }

  .card.placeholder {
    border: 2px dashed var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
    box-shadow: none;
  }

  .card.placeholder > * {
    visibility: hidden;
  }

  /* ---- dragging ---- */

  /* In the flow, not over the columns: the bottom of each column stays reachable for auto-scroll. */
  .zones {
    display: flex;
    flex: none;
    gap: 0.75rem;
  }

  .zone {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-block-size: 4.5rem;
    border: 2px dashed currentColor;
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.8125rem;
  }

  .zone strong {
    font-size: 1rem;
  }

  .zone.won {
    color: var(--_won);
  }

  .zone.lost {
    color: var(--_lost);
  }

  .zone.won.over {
    background: color-mix(in srgb, var(--_won) 22%, var(--_surface));
  }

  .zone.lost.over {
    background: color-mix(in srgb, var(--_lost) 22%, var(--_surface));
  }

  .ghost {
    position: fixed;
    /* Physical on purpose: the ghost follows the pointer's x and y. */
    left: 0;
    top: 0;
    z-index: 10;
    padding-block: 0.5rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 10px 24px rgb(0 0 0 / 0.25);
    pointer-events: none;
    rotate: 1.5deg;
  }

  .ghost-title {
    font-weight: 600;
  }
`;
