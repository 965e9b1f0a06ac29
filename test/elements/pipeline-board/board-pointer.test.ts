import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import { IndexedDbAdapter } from '../../../src/adapters/indexeddb-adapter.js';
import type { DealPipelineBoard } from '../../../src/elements/pipeline-board/pipeline-board.js';
import type { DealProvider } from '../../../src/elements/provider/deal-provider.js';
import type { DealMovedEvent } from '../../../src/events/deal-moved.js';
import type { DealWonEvent } from '../../../src/events/deal-won.js';
import type { DealLostEvent } from '../../../src/events/deal-lost.js';
import { defaultLostReasons, defaultStages } from '../../../src/model/defaults.js';
import {
  announced,
  card,
  column,
  grabPoint,
  centre,
  idsIn,
  makeDeal,
  mountBoard,
  nextEvent,
  settle,
  shadow,
  smallPipeline,
  TODAY,
} from './fixtures.js';

type Point = [number, number];

/**
 * A real pointer drag: press on `from`, move past the drag threshold, then
 * to `to` (computed once the drag started, when the drop zones exist) in
 * steps, and release.
 */
async function drag(board: DealPipelineBoard, from: Point, to: () => Point, options: { release?: boolean } = {}): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [from[0] + 8, from[1] + 8] });
  await settle(board);
  const target = to();
  const steps = 5;
  for (let i = 1; i <= steps; i++) {
    const x = Math.round(from[0] + ((target[0] - from[0]) * i) / steps);
    const y = Math.round(from[1] + ((target[1] - from[1]) * i) / steps);
    await sendMouse({ type: 'move', position: [x, y] });
  }
  await settle(board);
  if (options.release === false) return;
  await sendMouse({ type: 'up' });
  await settle(board);
}

/** A point in the upper part of slot `index` of a column (cards are all the same height). */
function slotPoint(board: DealPipelineBoard, stageId: string, index: number): Point {
  const cards = column(board, stageId).querySelectorAll('[data-card]');
  const first = cards[0]!.getBoundingClientRect();
  const pitch = cards[1] ? cards[1].getBoundingClientRect().top - first.top : first.height + 8;
  return [Math.round(first.left + first.width / 2), Math.round(first.top + pitch * index + 12)];
}

const zone = (board: DealPipelineBoard, name: 'won' | 'lost'): HTMLElement =>
  shadow(board).querySelector<HTMLElement>(`[data-drop-zone="${name}"]`)!;

describe('<deal-pipeline-board> drag and drop', () => {
  before(async () => {
    await setViewport({ width: 1400, height: 900 });
  });

  afterEach(async () => {
    await resetMouse();
  });

  it('moves a card between columns with the pointer, and the move survives reloading the IndexedDB store', async () => {
    const database = `board-test-${crypto.randomUUID()}`;
    const seed = await IndexedDbAdapter.open({ name: database });
    await seed.importData({ stages: defaultStages(), lostReasons: defaultLostReasons(), deals: smallPipeline(), history: [] }, { replace: true });
    await seed.close();
    try {
      const mount = () =>
        fixture<DealProvider>(html`<deal-provider database=${database} locale="en">
          <deal-pipeline-board today=${TODAY} style="height: 600px"></deal-pipeline-board>
        </deal-provider>`);
      const provider = await mount();
      const board = provider.querySelector('deal-pipeline-board')!;
      await provider.store!.ready;
      await settle(board);

      const moved = nextEvent<DealMovedEvent>(board, 'deal-moved');
      const target = slotPoint(board, 'qualified', 1);
      await drag(board, grabPoint(card(board, 'a1')!), () => target);
      const event = await moved;
      expect(event.detail).to.deep.include({ fromStageId: 'new', toStageId: 'qualified', index: 1 });
      expect(idsIn(provider.store!, 'qualified')).to.deep.equal(['b1', 'a1', 'b2']);

      // Reload: a new connection to the same database sees the move, in order.
      provider.remove();
      const reopened = await IndexedDbAdapter.open({ name: database });
      const page = await reopened.listDeals({ stageIds: ['qualified'] }, { field: 'rank', direction: 'asc' });
      expect(page.items.map((deal) => deal.id)).to.deep.equal(['b1', 'a1', 'b2']);
      expect(page.items[1]).to.include({ probability: 30 });
      await reopened.close();

      // And so does a new board on it.
      const again = await mount();
      const boardAgain = again.querySelector('deal-pipeline-board')!;
      await again.store!.ready;
      await settle(boardAgain);
      expect(column(boardAgain, 'qualified').contains(card(boardAgain, 'a1'))).to.equal(true);
      again.remove();
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await deleteDB(database);
    }
  });

  it('reorders a card inside its column with the pointer, showing a placeholder while dragging', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const target = slotPoint(board, 'new', 2);
    await drag(board, grabPoint(card(board, 'a1')!), () => target, { release: false });
    const placeholder = shadow(board).querySelector('[part~="drop-placeholder"]')!;
    expect(placeholder, 'placeholder shown').to.exist;
    expect(column(board, 'new').contains(placeholder)).to.equal(true);
    expect(shadow(board).querySelector('[data-ghost]')!.textContent).to.contain('Acme renewal');
    await sendMouse({ type: 'up' });
    await settle(board);
    expect(idsIn(store, 'new')).to.deep.equal(['a2', 'a3', 'a1']);
    expect(shadow(board).querySelector('[part~="drop-placeholder"]')).to.equal(null);
    expect(shadow(board).querySelector('[data-ghost]')).to.equal(null);
    expect(announced(board)).to.equal('Dropped “Acme renewal” in New, position 3 of 3.');
  });

  it('still opens a card on a click with a few pixels of jitter', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const opened = nextEvent(board, 'deal-open');
    const [x, y] = grabPoint(card(board, 'b1')!);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 2, y + 1] });
    await sendMouse({ type: 'up' });
    await opened;
    expect(idsIn(store, 'qualified')).to.deep.equal(['b1', 'b2']);
  });

  it('marks a deal won when it is dropped on the Won zone', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const won = nextEvent<DealWonEvent>(board, 'deal-won');
    await drag(board, grabPoint(card(board, 'c1')!), () => centre(zone(board, 'won')));
    const event = await won;
    expect(event.detail.deal).to.include({ id: 'c1', status: 'won', stageId: 'won', probability: 100 });
    expect(store.deal('c1')).to.include({ status: 'won', stageId: 'won' });
    await settle(board);
    expect(card(board, 'c1')!.querySelector('[part="ribbon"]')!.textContent).to.equal('WON');
    expect(zone(board, 'won'), 'zones hide after the drop').to.equal(null);
  });

  it('opens the lost dialog on the Lost zone and changes nothing when it is cancelled', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const before = store.deal('a2');
    await drag(board, grabPoint(card(board, 'a2')!), () => centre(zone(board, 'lost')));
    await waitUntil(() => shadow(board).querySelector('deal-lost-dialog')?.open, 'the lost dialog opens');
    expect(store.deal('a2'), 'nothing saved while the dialog is open').to.equal(before);
    expect(column(board, 'new').contains(card(board, 'a2')), 'the card is back in its place').to.equal(true);
    const cancelled = nextEvent(board, 'deal-lost-cancel');
    await sendKeys({ press: 'Escape' });
    await cancelled;
    await settle(board);
    expect(store.deal('a2')).to.equal(before);
    expect(idsIn(store, 'new')).to.deep.equal(['a1', 'a2', 'a3']);
  });

  it('marks the deal lost when the dialog opened from the Lost zone is confirmed', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    await drag(board, grabPoint(card(board, 'b2')!), () => centre(zone(board, 'lost')));
    await waitUntil(() => shadow(board).querySelector('deal-lost-dialog')?.open, 'the lost dialog opens');
    const dialog = shadow(board).querySelector('deal-lost-dialog')!;
    const lost = nextEvent<DealLostEvent>(board, 'deal-lost');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
    const event = await lost;
    expect(event.detail.deals.map((deal) => deal.id)).to.deep.equal(['b2']);
    expect(store.deal('b2')).to.include({ status: 'lost', stageId: 'qualified' });
    await settle(board);
    expect(card(board, 'b2'), 'hidden by the default filter').to.equal(null);
    expect(announced(board)).to.equal('“Deal b2” marked as lost.');
  });

  it('scrolls a column while the pointer is held near its bottom edge, and Escape cancels the drag', async () => {
    const deals = Array.from({ length: 60 }, (_, i) => makeDeal(`n${i}`, 'new', (i + 1) * 1024));
    const { board, store } = await mountBoard({ deals }, { height: '500px' });
    const body = column(board, 'new').querySelector<HTMLElement>('[data-column-body]')!;
    const nearBottom = (): Point => {
      // Measured once dragging: the drop zones then take the bottom of the board.
      const rect = body.getBoundingClientRect();
      return [Math.round(rect.left + rect.width / 2), Math.round(rect.bottom - 6)];
    };
    let moves = 0;
    board.addEventListener('deal-move', () => moves++);
    await drag(board, grabPoint(card(board, 'n0')!), nearBottom, { release: false });
    await waitUntil(() => body.scrollTop > 200, 'the column scrolls by itself', { timeout: 3000 });
    await sendKeys({ press: 'Escape' });
    await settle(board);
    expect(announced(board)).to.equal('Move cancelled. “Deal n0” is back in New, position 1 of 60.');
    await sendMouse({ type: 'up' });
    await settle(board);
    expect(moves).to.equal(0);
    expect(idsIn(store, 'new')[0]).to.equal('n0');
    expect(shadow(board).querySelector('[data-ghost]')).to.equal(null);
  });

  it('does not let a lost deal leave its stage', async () => {
    const deals = [...smallPipeline(), makeDeal('l1', 'new', 4096, { status: 'lost', probability: 0, closedAt: '2026-06-01T10:00:00.000Z' })];
    const { board, store } = await mountBoard({ deals });
    store.updateFilter({ statuses: ['open', 'won', 'lost'] });
    await settle(board);
    const target = slotPoint(board, 'qualified', 0);
    await drag(board, grabPoint(card(board, 'l1')!), () => target, { release: false });
    expect(zone(board, 'won'), 'no drop zones for a lost deal').to.equal(null);
    expect(column(board, 'qualified').querySelector('[part~="drop-placeholder"]')).to.equal(null);
    await sendMouse({ type: 'up' });
    await settle(board);
    expect(store.deal('l1')!.stageId).to.equal('new');
  });

  it('drops a card on a folded column at the end of that stage', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    column(board, 'proposition').querySelector<HTMLButtonElement>('[data-fold]')!.click();
    await settle(board);
    await drag(board, grabPoint(card(board, 'b1')!), () => centre(column(board, 'proposition')));
    await settle(board);
    expect(idsIn(store, 'proposition')).to.deep.equal(['c1', 'b1']);
    expect(store.deal('b1')!.probability).to.equal(70);
  });
});
