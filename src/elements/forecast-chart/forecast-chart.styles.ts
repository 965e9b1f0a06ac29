import { css } from 'lit';

/** The palette size; series beyond it reuse the colours from the start. */
export const PALETTE_SIZE = 8;

export const forecastChartStyles = css`
  .chart {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }

  .legend button,
  .table-toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding-block: 0.125rem;
    padding-inline: 0.375rem;
    border: 1px solid transparent;
    background: none;
  }

  .legend button[aria-pressed='false'] {
    color: var(--_muted);
    text-decoration: line-through;
  }

  .legend button[aria-pressed='false'] .swatch {
    opacity: 0.3;
  }

  .table-toggle {
    border-color: var(--_border);
  }

  .swatch {
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: 2px;
    background: var(--_color);
    flex: none;
  }

  /*
   * Eight series colours with at least 4.5:1 contrast on the light and the
   * dark surface. Set on the classes rather than on :host, where every
   * element would inherit them: bars in transition recompute their style in
   * each frame.
   */
  .series-1 { --_color: var(--deal-chart-series-1, light-dark(#1f6fd1, #5ea1ff)); }
  .series-2 { --_color: var(--deal-chart-series-2, light-dark(#c75300, #ff9f43)); }
  .series-3 { --_color: var(--deal-chart-series-3, light-dark(#7c4dcc, #b392f0)); }
  .series-4 { --_color: var(--deal-chart-series-4, light-dark(#00838f, #2cc5cf)); }
  .series-5 { --_color: var(--deal-chart-series-5, light-dark(#c2185b, #f06292)); }
  .series-6 { --_color: var(--deal-chart-series-6, light-dark(#8d6e1a, #d4b24c)); }
  .series-7 { --_color: var(--deal-chart-series-7, light-dark(#546e7a, #9fb3c8)); }
  .series-8 { --_color: var(--deal-chart-series-8, light-dark(#b23a3a, #ff7b72)); }
  .won { --_color: var(--deal-chart-won, var(--_won)); }

  .frame {
    position: relative;
    block-size: var(--deal-chart-height, 280px);
    min-block-size: 120px;
  }

  svg {
    position: absolute;
    inset: 0;
    display: block;
    overflow: visible;
  }

  .bar {
    fill: var(--_color);
    stroke: var(--_surface);
    stroke-width: 1;
    transition:
      y 200ms ease-out,
      height 200ms ease-out;
  }

  .outline {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-dasharray: 4 2;
    transition:
      y 200ms ease-out,
      height 200ms ease-out;
  }

  .range {
    fill: color-mix(in srgb, currentColor 18%, transparent);
    stroke: currentColor;
    stroke-width: 1;
  }

  .grid-line {
    stroke: var(--_border);
    stroke-width: 1;
  }

  .baseline {
    stroke: var(--_muted);
  }

  .tick,
  .period-label {
    fill: var(--_muted);
    font-size: 0.75rem;
  }

  .selection {
    fill: color-mix(in srgb, var(--_accent) 14%, transparent);
  }

  .dimmed {
    opacity: 0.45;
  }

  .target-line {
    stroke: var(--deal-chart-target, light-dark(#24292f, #f0f6fc));
    stroke-width: 2;
    stroke-dasharray: 6 4;
    fill: none;
  }

  .cumulative-line {
    stroke: var(--_accent);
    stroke-width: 2;
    fill: none;
  }

  .periods {
    position: absolute;
    inset: 0;
  }

  .period {
    position: absolute;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
  }

  .period:hover {
    background: color-mix(in srgb, currentColor 6%, transparent);
  }

  .period:focus-visible {
    outline-offset: -2px;
  }

  .tooltip {
    position: absolute;
    z-index: 1;
    max-inline-size: min(20rem, 90%);
    padding-block: 0.5rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
    pointer-events: none;
    font-size: 0.8125rem;
  }

  .tooltip ul {
    margin: 0.25rem 0;
    padding: 0;
    list-style: none;
  }

  .tooltip li,
  .tooltip .total {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }

  .tooltip .value {
    margin-inline-start: auto;
    padding-inline-start: 1rem;
    font-variant-numeric: tabular-nums;
  }

  .tooltip .total {
    font-weight: 600;
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.25rem;
  }

  .tooltip p {
    margin: 0.25rem 0 0;
  }

  .hint {
    color: var(--_muted);
  }

  .message {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    padding: 1rem;
    text-align: center;
    color: var(--_muted);
  }

  .message.error {
    color: var(--_lost);
  }

  .note {
    margin: 0;
    color: var(--_muted);
  }

  .missing {
    color: var(--_warning);
  }

  .missing p {
    margin: 0;
  }

  .table-wrap {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }

  th,
  td {
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }

  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }

  @media (prefers-reduced-motion: reduce) {
    .bar,
    .outline {
      transition: none;
    }
  }
`;
