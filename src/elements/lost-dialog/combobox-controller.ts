import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the combobox asks of the element that owns it. */
export interface ComboboxCallbacks {
  /** How many options the list shows now. */
  optionCount(): number;
  /** The user chose the option at `index` (Enter on a highlighted option, or a click). */
  choose(index: number): void;
  /**
   * Enter was pressed with the list open and no option highlighted. Returns
   * true when the element handled it; false lets the form submit.
   */
  enterWithoutHighlight(): boolean;
}

/**
 * Keyboard behaviour of an ARIA 1.2 combobox with list autocomplete and
 * manual selection (WAI-ARIA Authoring Practices): typing opens the list
 * without highlighting; ArrowDown/ArrowUp open it and move the highlight,
 * wrapping around; Enter chooses the highlighted option; Escape closes the
 * list (and only the list: the key goes no further). The element renders
 * `expanded` and `highlighted` as `aria-expanded` and `aria-activedescendant`.
 */
export class ComboboxController implements ReactiveController {
  /** Whether the list is shown. */
  expanded = false;
  /** The option with visual focus, or -1. */
  highlighted = -1;

  readonly #host: ReactiveControllerHost;
  readonly #callbacks: ComboboxCallbacks;

  constructor(host: ReactiveControllerHost, callbacks: ComboboxCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostUpdate(): void {
    // The options change as the user types; never point past the end.
    const count = this.#callbacks.optionCount();
    if (this.highlighted >= count) this.highlighted = count - 1;
  }

  /** Shows the list, highlighting `index` (-1: nothing). */
  open(index = -1): void {
    this.expanded = true;
    this.highlighted = index;
    this.#host.requestUpdate();
  }

  close(): void {
    if (!this.expanded && this.highlighted === -1) return;
    this.expanded = false;
    this.highlighted = -1;
    this.#host.requestUpdate();
  }

  /** Highlights `index` in the open list. */
  highlight(index: number): void {
    this.open(index);
  }

  /** The text changed: show the matching options, none highlighted yet. */
  typed(): void {
    this.open(-1);
  }

  /** Handles a keydown on the combobox input. */
  keydown(event: KeyboardEvent): void {
    const count = this.#callbacks.optionCount();
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (count === 0) return;
        if (event.altKey) return this.open(this.highlighted);
        if (!this.expanded) return this.open(0);
        return this.open(this.highlighted + 1 >= count ? 0 : this.highlighted + 1);
      }
      case 'ArrowUp': {
        event.preventDefault();
        if (count === 0) return;
        if (!this.expanded || this.highlighted <= 0) return this.open(count - 1);
        return this.open(this.highlighted - 1);
      }
      case 'Enter': {
        if (!this.expanded || event.isComposing) return;
        if (this.highlighted >= 0 && this.highlighted < count) {
          event.preventDefault();
          this.#callbacks.choose(this.highlighted);
        } else if (this.#callbacks.enterWithoutHighlight()) {
          event.preventDefault();
        } else {
          this.close();
        }
        return;
      }
      case 'Escape': {
        if (!this.expanded) return;
        // The first Escape closes only the list; without this the dialog would close too.
        event.preventDefault();
        event.stopPropagation();
        this.close();
        return;
      }
      case 'Tab':
        this.close();
        return;
    }
  }
}
