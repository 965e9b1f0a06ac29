import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { DealMovedEvent } from '../../../src/events/deal-moved.js';
import type { DealMoveEvent } from '../../../src/events/deal-move.js';
import type { DealWonEvent } from '../../../src/events/deal-won.js';
import { announced, card, cardFocus, column, idsIn, mountBoard, nextEvent, settle, shadow, smallPipeline, makeDeal } from './fixtures.js';

const press = async (board: HTMLElement & { updateComplete: Promise<boolean> }, key: string): Promise<void> => {
  await sendKeys({ press: key });
  await settle(board as never);
};

describe('<deal-pipeline-board> keyboard', () => {
  before(async () => {
    await setViewport({ width: 1400, height: 900 });
  });

  it('moves focus between cards and columns with the arrow keys, Home and End', async () => {
    const { board } = await mountBoard({ deals: smallPipeline() });
    cardFocus(board, 'a1')!.focus();
    const focused = () => (shadow(board).activeElement as HTMLElement).dataset['dealId'];
    await press(board, 'ArrowDown');
    expect(focused()).to.equal('a2');
    await press(board, 'ArrowRight');
    expect(focused(), 'same row of the next column').to.equal('b2');
    await press(board, 'ArrowRight');
    expect(focused(), 'its last card when the column is shorter').to.equal('c1');
    await press(board, 'ArrowLeft');
    await press(board, 'ArrowLeft');
    await press(board, 'End');
    expect(focused()).to.equal('a3');
    await press(board, 'Home');
    expect(focused()).to.equal('a1');
    await press(board, 'ArrowUp');
    expect(focused(), 'stays at the top').to.equal('a1');
    // The tab stop follows focus.
    await press(board, 'ArrowRight');
    const stops = [...shadow(board).querySelectorAll('[data-card-focus][tabindex="0"]')].map((el) => (el as HTMLElement).dataset['dealId']);
    expect(stops).to.deep.equal(['b1']);
  });

  it('moves a card with the keyboard only, announcing each step, and saves it', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const moves: DealMoveEvent[] = [];
    board.addEventListener('deal-move', (event) => moves.push(event));
    const moved = nextEvent<DealMovedEvent>(board, 'deal-moved');
    cardFocus(board, 'a1')!.focus();

    await press(board, 'Space');
    expect(announced(board)).to.equal(
      'Picked up “Acme renewal” in New, position 1 of 3. Arrow keys move it, Space or Enter drops it, Escape cancels.',
    );
    expect(card(board, 'a1')!.classList.contains('lifted')).to.equal(true);
    await press(board, 'ArrowDown');
    expect(announced(board)).to.equal('Moved “Acme renewal” to New, position 2 of 3.');
    await press(board, 'ArrowRight');
    expect(announced(board)).to.equal('Moved “Acme renewal” to Qualified, position 2 of 3.');
    // The card is shown where it would land, and keeps focus.
    expect(column(board, 'qualified').contains(card(board, 'a1'))).to.equal(true);
    expect(shadow(board).activeElement).to.equal(cardFocus(board, 'a1'));
    expect(idsIn(store, 'new'), 'nothing saved yet').to.deep.equal(['a1', 'a2', 'a3']);
    await press(board, 'ArrowUp');
    expect(announced(board)).to.equal('Moved “Acme renewal” to Qualified, position 1 of 3.');
    await press(board, 'ArrowDown');

    await press(board, 'Enter');
    expect(announced(board)).to.equal('Dropped “Acme renewal” in Qualified, position 2 of 3.');
    const event = await moved;
    expect(event.detail).to.deep.include({ fromStageId: 'new', toStageId: 'qualified', index: 1 });
    expect(event.detail.deal).to.include({ id: 'a1', stageId: 'qualified', probability: 30 });
    expect(moves).to.have.length(1);
    expect(moves[0]!.cancelable).to.equal(true);
    expect(idsIn(store, 'qualified')).to.deep.equal(['b1', 'a1', 'b2']);
    expect(idsIn(store, 'new')).to.deep.equal(['a2', 'a3']);
    expect(shadow(board).activeElement, 'focus stays on the moved card').to.equal(cardFocus(board, 'a1'));
    // The headers count again once the move is painted.
    const count = (stageId: string) => column(board, stageId).querySelector('.column-count')!.textContent!.replace(/\s+/g, ' ').trim();
    await waitUntil(() => count('qualified') === '3 3 deals', 'the header counts the moved card');
    expect(count('new')).to.equal('2 2 deals');
    expect(column(board, 'qualified').querySelector('.column-totals')!.textContent).to.contain('$7,000.00');
  });

  it('cancels a keyboard move with Escape, and says so', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    let moves = 0;
    board.addEventListener('deal-move', () => moves++);
    cardFocus(board, 'a2')!.focus();
    await press(board, 'Enter');
    await press(board, 'ArrowRight');
    await press(board, 'ArrowRight');
    await press(board, 'Escape');
    expect(announced(board)).to.equal('Move cancelled. “Deal a2” is back in New, position 2 of 3.');
    expect(idsIn(store, 'new')).to.deep.equal(['a1', 'a2', 'a3']);
    expect(column(board, 'new').contains(card(board, 'a2'))).to.equal(true);
    expect(moves).to.equal(0);
    expect(shadow(board).activeElement).to.equal(cardFocus(board, 'a2'));
  });

  it('mirrors the horizontal arrows in right-to-left layouts', async () => {
    const { board } = await mountBoard({ deals: smallPipeline() }, { locale: 'fa' });
    cardFocus(board, 'a1')!.focus();
    await press(board, 'ArrowLeft');
    expect((shadow(board).activeElement as HTMLElement).dataset['dealId'], 'left goes to the next stage').to.equal('b1');
    await press(board, 'Space');
    await press(board, 'ArrowLeft');
    expect(announced(board)).to.equal('«Deal b1» به «ارائه»، جایگاه ۱ از ۲ منتقل شد.');
    expect(column(board, 'proposition').contains(card(board, 'b1'))).to.equal(true);
    await press(board, 'Escape');
  });

  it('keeps a lost deal in its stage and says why', async () => {
    const deals = [...smallPipeline(), makeDeal('l1', 'new', 4096, { status: 'lost', probability: 0, closedAt: '2026-06-01T10:00:00.000Z' })];
    const { board, store } = await mountBoard({ deals });
    store.updateFilter({ statuses: ['open', 'won', 'lost'] });
    await settle(board);
    cardFocus(board, 'l1')!.focus();
    await press(board, 'Space');
    await press(board, 'ArrowRight');
    expect(announced(board)).to.equal('“Deal l1” is lost and stays in its stage. Restore it to move it to another stage.');
    await press(board, 'Home');
    await press(board, 'Space');
    expect(idsIn(store, 'new')).to.deep.equal(['l1', 'a1', 'a2', 'a3']);
  });

  it('does nothing when the host cancels deal-move', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    board.addEventListener('deal-move', (event) => event.preventDefault());
    let moved = 0;
    board.addEventListener('deal-moved', () => moved++);
    cardFocus(board, 'b1')!.focus();
    await press(board, 'Space');
    await press(board, 'ArrowRight');
    await press(board, 'Space');
    expect(announced(board)).to.equal('Moving “Deal b1” was not allowed.');
    expect(idsIn(store, 'qualified')).to.deep.equal(['b1', 'b2']);
    expect(store.deal('b1')!.version).to.equal('1');
    expect(moved).to.equal(0);
  });

  it('wins a deal moved into the won stage', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const won = nextEvent<DealWonEvent>(board, 'deal-won');
    cardFocus(board, 'c1')!.focus();
    await press(board, 'Space');
    await press(board, 'ArrowRight');
    await press(board, 'End');
    expect(announced(board)).to.equal('Moved “Deal c1” to Won, position 2 of 2.');
    await press(board, 'Space');
    expect((await won).detail.deal).to.include({ id: 'c1', status: 'won', probability: 100 });
    expect(idsIn(store, 'won')).to.deep.equal(['w1', 'c1']);
  });
});
