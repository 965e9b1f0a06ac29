/**
 * The reactive controller through which every element gets its locale,
 * direction, messages and formatter, and re-renders when they change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatterFor, type Formatter } from './format.js';
import { directionOf, resolveLocale, type DealLocale, type Direction } from './locales.js';
import { loadMessages, messagesFor, translate, type Catalogue, type MessageArgs } from './messages.js';

/** What a controller resolved: the locale and the direction it renders in. */
interface Resolved {
  locale: DealLocale;
  dir: Direction;
}

// ---------------------------------------------------------------------------
// One MutationObserver for the whole page. Watching `lang`/`dir` on the
// document subtree catches changes on <html>, on any ancestor and on the hosts
// themselves; shadow roots hide their attributes from it, so each shadow root
// above a connected host is added to the same observer. It exists only while
// at least one controller is connected.

/** What the page observer needs from a controller. */
interface Refreshable {
  refresh(): void;
}

const liveControllers = new Set<Refreshable>();
let pageObserver: MutationObserver | null = null;
const OBSERVED = { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] } satisfies MutationObserverInit;

function refreshAll(): void {
  for (const controller of liveControllers) controller.refresh();
}

function watch(controller: Refreshable, host: Element): void {
  liveControllers.add(controller);
  if (!pageObserver) {
    pageObserver = new MutationObserver(refreshAll);
    pageObserver.observe(document.documentElement, OBSERVED);
    // The browser language is the last fallback, and the user can change it.
    window.addEventListener('languagechange', refreshAll);
  }
  for (let root = host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    pageObserver.observe(root, OBSERVED);
  }
}

function unwatch(controller: Refreshable): void {
  liveControllers.delete(controller);
  if (liveControllers.size === 0 && pageObserver) {
    pageObserver.disconnect();
    pageObserver = null;
    window.removeEventListener('languagechange', refreshAll);
  }
}

/** The element above `element`, crossing out of a shadow root to its host. */
function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function dirAttribute(element: Element): Direction | null {
  const dir = element.getAttribute('dir')?.trim().toLowerCase();
  // `auto` leaves the choice to the content; the locale decides then.
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}

/**
 * Walks up from the host to the nearest non-empty `lang`. The nearest `dir`
 * found on the way (at or below that `lang`) is returned with it: a `dir`
 * above the element that sets the language belongs to another language.
 */
function languageAbove(host: Element): { lang: string | null; dir: Direction | null } {
  let dir: Direction | null = null;
  for (let element: Element | null = host; element; element = parentAcrossShadow(element)) {
    dir ??= dirAttribute(element);
    const lang = element.getAttribute('lang')?.trim();
    if (lang) return { lang, dir };
  }
  return { lang: null, dir };
}

/**
 * Gives an element its locale, direction, messages and formatter, and asks it
 * to re-render when they change.
 *
 * The locale comes from, in order: an explicit `controller.locale = ...`
 * (what a provider sets), the nearest ancestor `lang` attribute (crossing
 * shadow roots), `<html lang>`, then `navigator.language`. The direction comes
 * from the nearest `dir` attribute at or below that `lang` (with an explicit
 * locale: on the host itself), otherwise from the locale (`rtl` for Persian).
 *
 * Messages of a locale loaded on demand are English until they arrive; the
 * controller starts the load and re-renders the host when it completes.
 * `await controller.ready` (or `preloadLocale`) to avoid that English flash.
 *
 * ```ts
 * class DealThing extends LitElement {
 *   private readonly l10n = new LocalizeController(this, thingMessages);
 *   render() {
 *     return html`<p dir=${this.l10n.dir}>${this.l10n.t('count.deals', { count: 3 })}</p>`;
 *   }
 * }
 * ```
 */
export class LocalizeController<M> implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly catalogue: Catalogue<M>;
  private explicitLocale: DealLocale | null = null;
  private resolved: Resolved;
  /** The locale whose messages this controller is waiting for, if any. */
  private awaitedLocale: DealLocale | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, catalogue: Catalogue<M>) {
    this.host = host;
    this.catalogue = catalogue;
    this.resolved = this.resolve();
    host.addController(this);
  }

  /** The locale the host renders in. */
  get locale(): DealLocale {
    return this.resolved.locale;
  }

  /**
   * Fixes the locale regardless of `lang` attributes (any BCP 47 tag, mapped
   * with `resolveLocale`). An empty string, null or undefined goes back to
   * following the page.
   */
  set locale(tag: string | null | undefined) {
    this.explicitLocale = tag ? resolveLocale(tag) : null;
    this.refresh();
  }

  /** The writing direction the host renders in. */
  get dir(): Direction {
    return this.resolved.dir;
  }

  /**
   * The current locale's messages, or English while they are still loading
   * (the host re-renders when they arrive).
   */
  get msg(): M {
    const messages = messagesFor(this.catalogue, this.locale);
    if (messages) return messages;
    this.awaitMessages(this.locale);
    return this.catalogue.en;
  }

  /** Whether the current locale's messages are loaded (or fell back to English after a failed load). */
  get loaded(): boolean {
    return messagesFor(this.catalogue, this.locale) !== undefined;
  }

  /**
   * Resolves once the current locale's messages are loaded (or, if loading
   * failed, once English stands in for them). Never rejects.
   */
  get ready(): Promise<void> {
    this.awaitMessages(this.locale);
    return loadMessages(this.catalogue, this.locale).then(() => undefined);
  }

  /** A formatter for the current locale (numbers, money, dates, periods). */
  get format(): Formatter {
    return formatterFor(this.locale);
  }

  /**
   * The text of one message in the current locale, with its parameters if it
   * takes any. Falls back to English, then to the key, if a catalogue written
   * in plain JavaScript lacks it.
   */
  t<K extends keyof M & string>(key: K, ...args: MessageArgs<M[K]>): string {
    const current = this.msg;
    const messages = key in (current as object) ? current : this.catalogue.en;
    return translate(messages, key, ...args);
  }

  /**
   * Resolves locale and direction again and asks the host to re-render if
   * either changed. Called automatically on `lang`/`dir` changes; an element
   * whose context changed some other way (moved elsewhere) may call it too.
   */
  refresh(): void {
    const next = this.resolve();
    if (next.locale === this.resolved.locale && next.dir === this.resolved.dir) return;
    this.resolved = next;
    this.awaitMessages(next.locale);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    watch(this, this.host);
    // The element may have moved under another `lang` while disconnected.
    this.refresh();
    // Start loading now, so that even a host that reads no message before it
    // needs one (the provider's error texts) has them by then.
    this.awaitMessages(this.locale);
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /** Loads `locale`'s messages if needed, and re-renders the host when they arrive if it still wants them. */
  private awaitMessages(locale: DealLocale): void {
    if (this.awaitedLocale === locale || messagesFor(this.catalogue, locale)) return;
    this.awaitedLocale = locale;
    void loadMessages(this.catalogue, locale).then(() => {
      if (this.awaitedLocale === locale) this.awaitedLocale = null;
      // A locale left meanwhile stays cached for later but changes nothing now.
      if (this.locale === locale) this.host.requestUpdate();
    });
  }

  private resolve(): Resolved {
    // Without a DOM (server rendering), nothing can be read: English, ltr.
    if (typeof document === 'undefined') {
      const locale = this.explicitLocale ?? 'en';
      return { locale, dir: directionOf(locale) };
    }
    if (this.explicitLocale) {
      return { locale: this.explicitLocale, dir: dirAttribute(this.host) ?? directionOf(this.explicitLocale) };
    }
    const found = languageAbove(this.host);
    if (found.lang) {
      const locale = resolveLocale(found.lang);
      return { locale, dir: found.dir ?? directionOf(locale) };
    }
    // A connected host's walk already passed <html>; a disconnected one (not
    // yet inserted) still belongs to the page, so read <html> directly.
    const html = document.documentElement;
    const tag = html.lang.trim() || (typeof navigator === 'undefined' ? null : navigator.language);
    const locale = resolveLocale(tag);
    const dir = found.dir ?? (this.host.isConnected ? null : dirAttribute(html));
    return { locale, dir: dir ?? directionOf(locale) };
  }
}
