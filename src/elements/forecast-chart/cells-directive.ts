import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';

/**
 * A run of `<td>` cells holding the given texts, in a child position of a
 * table row template.
 *
 * What mapping the texts to a `<td>${text}</td>` template would give, but
 * without a template instance and three marker comments per cell: the
 * chart's table has a few hundred cells, and creating those was most of the
 * time the table took to add. Lit still owns the row around it: when the
 * row goes, its cells go with it.
 */
class CellsDirective extends Directive {
  #cells: HTMLTableCellElement[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('cells() must be used in a child position of a template.');
  }

  /** Rendering needs the part, so only `update` draws. */
  render(_texts: readonly string[]): unknown {
    return nothing;
  }

  override update(part: ChildPart, [texts]: Parameters<this['render']>): unknown {
    const added = document.createDocumentFragment();
    texts.forEach((text, i) => {
      let cell = this.#cells[i];
      if (!cell) {
        cell = document.createElement('td');
        this.#cells.push(cell);
        added.append(cell);
      }
      if (cell.textContent !== text) cell.textContent = text;
    });
    for (const cell of this.#cells.splice(texts.length)) cell.remove();
    // New cells come after the existing ones, which stay in order.
    part.parentNode.insertBefore(added, part.endNode);
    return noChange;
  }
}

/** Draws one `<td>` per text, in order. */
export const cells = directive(CellsDirective);
