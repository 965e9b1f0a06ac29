import { css } from 'lit';

/** Styles of `<deal-lost-reasons>`: logical properties only, so Persian mirrors. */
export const lostReasonsStyles = css`
  section {
    display: grid;
    gap: 0.75rem;
    padding: var(--deal-lost-reasons-padding, 1rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h2 {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  .hint {
    color: var(--_muted);
  }

  .add {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  input[type='text'] {
    flex: 1 1 12rem;
    min-inline-size: 0;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[aria-invalid='true'] {
    border-color: var(--_lost);
  }
  .problem {
    color: var(--_lost);
  }
  .problem:empty {
    display: none;
  }

  .toggle {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
    font-weight: normal;
  }

  ul {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding-block: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }
  li:first-child {
    border-block-start: none;
  }
  .name {
    flex: 1 1 10rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  li.archived .name {
    color: var(--_muted);
    font-weight: normal;
  }
  .editor {
    flex: 1 1 16rem;
    display: grid;
    gap: 0.25rem;
  }
  .badge {
    padding: 0 0.4rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  button {
    padding: 0.3rem 0.75rem;
  }
  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .error {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_lost);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_lost) 12%, var(--_surface));
  }
  .error:empty {
    display: none;
  }
`;
