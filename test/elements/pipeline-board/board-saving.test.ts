import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { DealAdapterError } from '../../../src/adapters/errors.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { DealErrorEvent } from '../../../src/events/deal-error.js';
import type { DealMovedEvent } from '../../../src/events/deal-moved.js';
import type { DealRestoredEvent } from '../../../src/events/deal-restored.js';
import type { DealWonEvent } from '../../../src/events/deal-won.js';
import type { MoveInput } from '../../../src/model/schemas.js';
import type { WriteOptions } from '../../../src/adapters/adapter.js';
import { announced, card, cardFocus, column, idsIn, makeDeal, mountBoard, nextEvent, settle, shadow, smallPipeline } from './fixtures.js';

/** A memory adapter whose moves fail as if the network were down, until told otherwise. */
class OfflineMoves extends MemoryAdapter {
  offline = true;
  override async moveDeal(id: string, input: MoveInput, options?: WriteOptions) {
    if (this.offline) throw new DealAdapterError('network', 'The server could not be reached.');
    return super.moveDeal(id, input, options);
  }
}

const alertOf = (board: HTMLElement) => board.shadowRoot!.querySelector<HTMLElement>('[role="alert"][part="alert"]');

describe('<deal-pipeline-board> saving', () => {
  before(async () => {
    await setViewport({ width: 1400, height: 900 });
  });

  it('puts a refused move back, says why in an alert, and Retry saves it', async () => {
    const adapter = new OfflineMoves({ deals: smallPipeline() });
    const { board, store } = await mountBoard(adapter);
    const refused = nextEvent<DealErrorEvent>(board, 'deal-error');
    cardFocus(board, 'a1')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    const error = await refused;
    expect(error.detail).to.deep.include({ command: 'moveDeal', dealId: 'a1' });
    expect(error.detail.error.code).to.equal('network');
    await settle(board);
    expect(idsIn(store, 'new'), 'rolled back').to.deep.equal(['a1', 'a2', 'a3']);
    expect(idsIn(store, 'qualified')).to.deep.equal(['b1', 'b2']);
    expect(column(board, 'new').contains(card(board, 'a1')), 'the card is back').to.equal(true);
    const alert = alertOf(board)!;
    expect(alert.textContent).to.contain('The server could not be reached. Check your connection and try again');

    adapter.offline = false;
    const moved = nextEvent<DealMovedEvent>(board, 'deal-moved');
    alert.querySelector<HTMLButtonElement>('[data-retry]')!.click();
    const event = await moved;
    expect(event.detail).to.deep.include({ fromStageId: 'new', toStageId: 'qualified', index: 0 });
    await settle(board);
    expect(idsIn(store, 'qualified')).to.deep.equal(['a1', 'b1', 'b2']);
    expect(alertOf(board)).to.equal(null);
    expect((await adapter.getDeal('a1')).stageId, 'saved by the adapter').to.equal('qualified');
  });

  it('can dismiss the alert', async () => {
    const { board } = await mountBoard(new OfflineMoves({ deals: smallPipeline() }));
    cardFocus(board, 'b1')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => alertOf(board), 'the alert shows');
    alertOf(board)!.querySelector<HTMLButtonElement>('[aria-label="Dismiss"]')!.click();
    await settle(board);
    expect(alertOf(board)).to.equal(null);
  });

  it('marks a deal won from its card', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const won = nextEvent<DealWonEvent>(board, 'deal-won');
    card(board, 'b1')!.querySelector<HTMLButtonElement>('[data-action="won"]')!.click();
    expect((await won).detail.deal).to.include({ id: 'b1', status: 'won', stageId: 'won' });
    await settle(board);
    expect(column(board, 'won').contains(card(board, 'b1'))).to.equal(true);
    expect(store.deal('b1')!.probability).to.equal(100);
    expect(announced(board)).to.equal('“Deal b1” marked as won.');
  });

  it('opens the lost dialog from "Mark as lost"', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    card(board, 'c1')!.querySelector<HTMLButtonElement>('[data-action="lost"]')!.click();
    expect(shadow(board).querySelector('deal-lost-dialog'), 'rendered only when first needed').to.equal(null);
    await waitUntil(() => shadow(board).querySelector('deal-lost-dialog')?.open, 'the lost dialog opens');
    const dialog = shadow(board).querySelector('deal-lost-dialog')!;
    expect(store.deal('c1')!.status).to.equal('open');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'the dialog closes');
    expect(store.deal('c1')!.status).to.equal('open');
  });

  it('restores a lost deal in its stage with its earlier probability', async () => {
    const lost = makeDeal('l1', 'qualified', 4096, {
      status: 'lost',
      probability: 0,
      probabilityBeforeClose: 30,
      lostReasonId: 'too-expensive',
      closedAt: '2026-06-01T10:00:00.000Z',
      version: '2',
    });
    const { board, store } = await mountBoard({ deals: [...smallPipeline(), lost] });
    store.updateFilter({ statuses: ['open', 'won', 'lost'] });
    await settle(board);
    const restored = nextEvent<DealRestoredEvent>(board, 'deal-restored');
    card(board, 'l1')!.querySelector<HTMLButtonElement>('[data-action="restore"]')!.click();
    expect((await restored).detail.deal).to.include({ id: 'l1', status: 'open', stageId: 'qualified', probability: 30 });
    await settle(board);
    expect(card(board, 'l1')!.querySelector('[part="ribbon"]')).to.equal(null);
  });
});
