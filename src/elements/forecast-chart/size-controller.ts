import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows the size of one element (inside the host's shadow root) with a
 * ResizeObserver and asks the host to re-render when it changes. The
 * observer is created on first use, never at import time.
 */
export class SizeController implements ReactiveController {
  /** Content-box width in CSS pixels; 0 until the first measurement. */
  width = 0;
  /** Content-box height in CSS pixels; 0 until the first measurement. */
  height = 0;

  readonly #host: ReactiveControllerHost;
  #observer: ResizeObserver | null = null;
  #target: Element | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Starts following `target` (and stops following the previous one). */
  observe(target: Element | null): void {
    if (target === this.#target) return;
    if (this.#target) this.#observer?.unobserve(this.#target);
    this.#target = target;
    if (target) this.#ensureObserver().observe(target);
  }

  hostConnected(): void {
    if (this.#target) this.#ensureObserver().observe(this.#target);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  #ensureObserver(): ResizeObserver {
    this.#observer ??= new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      // Whole pixels: sub-pixel jitter would re-render for nothing.
      const width = Math.floor(box.width);
      const height = Math.floor(box.height);
      if (width === this.width && height === this.height) return;
      this.width = width;
      this.height = height;
      this.#host.requestUpdate();
    });
    return this.#observer;
  }
}
