import { css } from 'lit';

/**
 * The base of every control: form controls take the element's font and
 * colour rather than the browser's, and a button is a bordered surface with
 * the kit's corner radius. Elements add their own padding and variants
 * (primary, borderless, pill) on top; the focus ring comes from `hostStyles`.
 * Uses the private variables `hostStyles` defines, so it comes after it.
 */
export const controlStyles = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
`;
