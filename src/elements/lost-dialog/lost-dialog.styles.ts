import { css } from 'lit';

/** Styles of `<deal-lost-dialog>`: logical properties only, so Persian mirrors. */
export const lostDialogStyles = css`
  :host {
    --_dialog-width: var(--deal-dialog-width, 32rem);
  }

  dialog {
    inline-size: min(var(--_dialog-width), calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: var(--deal-dialog-padding, 1.25rem);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: inherit;
    box-shadow: var(--deal-dialog-shadow, 0 12px 32px rgb(0 0 0 / 0.25));
  }
  dialog::backdrop {
    background: var(--deal-dialog-backdrop, rgb(0 0 0 / 0.45));
  }

  form {
    display: grid;
    gap: 0.75rem;
  }
  form[aria-busy='true'] {
    cursor: progress;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
  }

  .summary {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-muted);
    overflow-wrap: anywhere;
  }
  .summary p {
    margin: 0;
  }
  .deal-title {
    font-weight: 600;
  }
  .meta,
  .more {
    color: var(--_muted);
  }
  .deal-list {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  .optional {
    font-weight: normal;
    color: var(--_muted);
  }

  input,
  textarea {
    inline-size: 100%;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    resize: vertical;
    min-block-size: 5rem;
  }
  input[readonly],
  textarea[readonly] {
    background: var(--_surface-muted);
  }

  .combobox {
    position: relative;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 1;
    inset-inline: 0;
    inset-block-start: calc(100% + 2px);
    max-block-size: 14rem;
    overflow-y: auto;
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 6px 16px rgb(0 0 0 / 0.18);
  }
  [role='option'] {
    padding: 0.35rem 0.75rem;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  [role='option']:hover {
    background: var(--_surface-muted);
  }
  [role='option'][aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 16%, var(--_surface));
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  [role='option'].create {
    font-style: italic;
    border-block-start: 1px solid var(--_border);
  }
  .check {
    display: inline-block;
    inline-size: 1.25em;
    color: var(--_accent);
  }

  .hint {
    margin: 0;
    color: var(--_muted);
  }
  .hint.problem {
    color: var(--_warning);
  }
  .counter {
    margin: 0;
    text-align: end;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .counter.full {
    color: var(--_warning);
  }

  .error {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_lost);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_lost) 12%, var(--_surface));
  }
  .error:empty {
    display: none;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  button {
    padding: 0.45rem 1rem;
  }
  button.confirm {
    border-color: var(--_lost);
    background: var(--_lost);
    color: var(--_on-lost);
    font-weight: 600;
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
`;
