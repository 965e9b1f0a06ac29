/** What both demo pages share: finding their elements and the deal-* event log. */

/** Every deal-* event the elements fire, as the log lists them. */
export const LOGGED_EVENTS = [
  'deal-filter-change',
  'deal-forecast-select',
  'deal-move',
  'deal-moved',
  'deal-open',
  'deal-won',
  'deal-lost-submit',
  'deal-lost',
  'deal-lost-cancel',
  'deal-restored',
  'deal-error',
] as const;

const LOG_LIMIT = 60;

export const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The demo page has no #${id}.`);
  return element as T;
};

/** A short, readable form of an event's detail: deals by title and id, errors by code. */
function describe(detail: unknown): string {
  if (detail === undefined || detail === null) return '';
  const text = JSON.stringify(detail, (_key, value: unknown) => {
    if (value instanceof Error) return `${(value as Error & { code?: string }).code ?? value.name}: ${value.message}`;
    if (value && typeof value === 'object' && 'version' in value && 'title' in value && 'id' in value) {
      const deal = value as { id: string; title: string; status?: string };
      return `${deal.title} (${deal.id}${deal.status ? `, ${deal.status}` : ''})`;
    }
    return value;
  });
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

/** Lists every deal-* event that reaches `source` in `log`, newest first; `clear` empties it. */
export function attachEventLog(source: EventTarget, log: HTMLOListElement, clear: HTMLElement): void {
  const logEvent = (event: Event): void => {
    const entry = document.createElement('li');
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString(document.documentElement.lang || undefined);
    const type = document.createElement('code');
    type.textContent = event.type;
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = describe((event as Event & { detail?: unknown }).detail);
    entry.append(time, ' ', type, ' ', detail);
    log.prepend(entry);
    while (log.children.length > LOG_LIMIT) log.lastElementChild?.remove();
  };
  for (const type of LOGGED_EVENTS) source.addEventListener(type, logEvent);
  clear.addEventListener('click', () => log.replaceChildren());
}
