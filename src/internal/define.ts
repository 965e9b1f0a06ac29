/**
 * Registers a custom element once. Defining the same class twice does
 * nothing; a different class already registered under the tag is left in
 * place with a warning (two copies of the kit on one page), never an error.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing === element) return;
  if (existing) {
    console.warn(`dealkit: <${tag}> is already defined by another copy of the kit; keeping the first one.`);
    return;
  }
  customElements.define(tag, element);
}
