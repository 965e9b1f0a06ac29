/**
 * What a column shows while a card is being moved, without copying the
 * column: a view that leaves the moving card out of the column it comes from
 * and puts it in at the target position. Index lookups are O(1), so a move
 * over a column of 20,000 deals costs no more than over one of 20.
 */
import type { Deal } from '../../model/schemas.js';

/** A read-only list of deals, by position. */
export interface ColumnView {
  readonly length: number;
  /** The deal at a position, or undefined outside 0..length-1. */
  at(index: number): Deal | undefined;
  /** The position of a deal, or -1. Linear in the column's length: call it for one deal, not per card. */
  indexOf(deal: Deal): number;
}

/** A card on its way: where it comes from and where it would land. */
export interface MovePreview {
  deal: Deal;
  fromStageId: string;
  toStageId: string;
  /** Position in the target column counted without the moving deal (as `store.moveDeal` takes it). */
  toIndex: number;
}

class PlainView implements ColumnView {
  constructor(private readonly deals: readonly Deal[]) {}
  get length(): number {
    return this.deals.length;
  }
  at(index: number): Deal | undefined {
    return index >= 0 ? this.deals[index] : undefined;
  }
  indexOf(deal: Deal): number {
    return this.deals.indexOf(deal);
  }
}

/** The view without the deal at `skipped`. */
class WithoutView implements ColumnView {
  constructor(
    private readonly base: ColumnView,
    private readonly skipped: number,
  ) {}
  get length(): number {
    return this.base.length - 1;
  }
  at(index: number): Deal | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.base.at(index < this.skipped ? index : index + 1);
  }
  indexOf(deal: Deal): number {
    const index = this.base.indexOf(deal);
    if (index === this.skipped) return -1;
    return index > this.skipped ? index - 1 : index;
  }
}

/** The view with `deal` inserted at `position`. */
class WithView implements ColumnView {
  constructor(
    private readonly base: ColumnView,
    private readonly deal: Deal,
    private readonly position: number,
  ) {}
  get length(): number {
    return this.base.length + 1;
  }
  at(index: number): Deal | undefined {
    if (index < 0 || index >= this.length) return undefined;
    if (index === this.position) return this.deal;
    return this.base.at(index < this.position ? index : index - 1);
  }
  indexOf(deal: Deal): number {
    if (deal === this.deal) return this.position;
    const index = this.base.indexOf(deal);
    return index < 0 ? -1 : index < this.position ? index : index + 1;
  }
}

/**
 * The column `stageId` as it looks during `preview`: the moving deal left out
 * of the column it is in (matched by id, as the store may have replaced the
 * record) and shown at `toIndex` of the target column. Without a preview, or
 * for a column the move does not touch, the column as it is.
 */
export function columnView(deals: readonly Deal[], stageId: string, preview: MovePreview | null): ColumnView {
  let view: ColumnView = new PlainView(deals);
  if (!preview) return view;
  if (stageId === preview.fromStageId) {
    const at = deals.findIndex((deal) => deal.id === preview.deal.id);
    if (at >= 0) view = new WithoutView(view, at);
  }
  if (stageId === preview.toStageId) {
    view = new WithView(view, preview.deal, Math.max(0, Math.min(preview.toIndex, view.length)));
  }
  return view;
}

/** A drop zone shown while dragging: dropping there marks the deal won or lost. */
export type DropZone = 'won' | 'lost';

/** A move in progress, by keyboard or by pointer. */
export interface BoardMove extends MovePreview {
  mode: 'keyboard' | 'pointer';
  /** Where the card was picked up: its position in its column. */
  fromIndex: number;
  /** The drop zone under the pointer, if any (pointer moves only). */
  zone: DropZone | null;
}
