import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';
import type { BarSegment } from './layout.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The attributes of one bar as last written, so an update writes only what changed. */
interface DrawnBar {
  rect: SVGRectElement;
  attributes: Map<string, string>;
}

/**
 * The bar parts of one period, stacked bottom-up, as `<rect part="bar">`
 * elements with `data-period`, `data-series`, a class and their geometry.
 *
 * What `repeat` with a `<rect>` template would give, kept by series id so a
 * changed value moves (and so transitions) the same rect; but without a
 * template instance and two marker comments per bar, which with hundreds of
 * bars were a third of the first render. Lit still owns the column around
 * it: when the column goes, its bars go with it.
 */
class BarsDirective extends Directive {
  #drawn = new Map<string, DrawnBar>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('bars() must be used in a child position of an svg template.');
  }

  /** Rendering needs the part, so only `update` draws. */
  render(_period: string, _segments: readonly BarSegment[], _classOf: (id: string) => string): unknown {
    return nothing;
  }

  override update(part: ChildPart, [period, segments, classOf]: Parameters<this['render']>): unknown {
    const parent = part.parentNode;
    // Bars that go are removed first, so the ones that stay are seen in their order and not moved.
    const wanted = new Set(segments.map((segment) => segment.id));
    for (const [id, bar] of this.#drawn) if (!wanted.has(id)) bar.rect.remove();
    let next: Node | null = part.startNode ? part.startNode.nextSibling : parent.firstChild;
    // The first time, every bar goes in at once, as a template's content would.
    const first = this.#drawn.size === 0 ? document.createDocumentFragment() : null;
    const drawn = new Map<string, DrawnBar>();
    for (const segment of segments) {
      const bar = this.#drawn.get(segment.id) ?? newBar(segment.id);
      write(bar, 'class', classOf(segment.id));
      write(bar, 'data-period', period);
      write(bar, 'x', String(segment.x));
      write(bar, 'y', String(segment.y));
      write(bar, 'width', String(segment.width));
      write(bar, 'height', String(segment.height));
      // Only a new or reordered bar is inserted: moving a rect would restart its style, and so its transition.
      if (first) first.append(bar.rect);
      else if (bar.rect === next) next = next.nextSibling;
      else parent.insertBefore(bar.rect, next);
      drawn.set(segment.id, bar);
    }
    if (first) parent.insertBefore(first, next);
    this.#drawn = drawn;
    return noChange;
  }
}

function newBar(series: string): DrawnBar {
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('part', 'bar');
  rect.setAttribute('data-series', series);
  return { rect, attributes: new Map() };
}

function write(bar: DrawnBar, name: string, value: string): void {
  if (bar.attributes.get(name) === value) return;
  bar.rect.setAttribute(name, value);
  bar.attributes.set(name, value);
}

/**
 * Draws the bar parts of the period `period` in a child position of an
 * `svg` template; `classOf` gives the class of a series' bars.
 */
export const bars = directive(BarsDirective);
