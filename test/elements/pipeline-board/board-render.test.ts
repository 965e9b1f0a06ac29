import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { generateDeals } from '../../../src/model/sample-data.js';
import type { Deal } from '../../../src/model/schemas.js';
import { matchesQuery } from '../../../src/model/rules.js';
import { defaultFilter } from '../../../src/store/filter.js';
import { DealOpenEvent } from '../../../src/events/deal-open.js';
import {
  card,
  cardFocus,
  frame,
  column,
  makeDeal,
  mountBoard,
  nextEvent,
  settle,
  shadow,
  smallPipeline,
  TODAY,
} from './fixtures.js';

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });

/** The WCAG contrast ratio of two computed `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string): number => {
    const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('<deal-pipeline-board> rendering', () => {
  before(async () => {
    await setViewport({ width: 1400, height: 900 });
  });

  it('shows one list per stage, labelled with the stage name, with a card per deal', async () => {
    const { board } = await mountBoard({ deals: smallPipeline() });
    const lists = [...shadow(board).querySelectorAll('[role="list"]')];
    const names = lists.map((list) => shadow(board).getElementById(list.getAttribute('aria-labelledby')!)!.textContent);
    expect(names).to.deep.equal(['New', 'Qualified', 'Proposition', 'Won']);
    const items = [...lists[0]!.querySelectorAll('[role="listitem"]')];
    expect(items.map((item) => item.querySelector('[data-card-focus]')!.textContent)).to.deep.equal([
      'Acme renewal',
      'Deal a2',
      'Deal a3',
    ]);
    expect(items.map((item) => item.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3']);
    expect(items[0]!.getAttribute('aria-setsize')).to.equal('3');
  });

  it('gives cards and controls accessible names, and the cards a single tab stop', async () => {
    const { board } = await mountBoard({ deals: smallPipeline() });
    const root = shadow(board);
    // The focusable part of a card is a button whose name is its text: the title.
    const focus = cardFocus(board, 'a1')!;
    expect(focus.getAttribute('role')).to.equal('button');
    expect(focus.hasAttribute('aria-label')).to.equal(false);
    expect(focus.textContent).to.equal('Acme renewal');
    expect(focus.closest('[role="listitem"]')!.parentElement!.getAttribute('role')).to.equal('list');
    // Its description: company, amount, date, owner, and how to move it.
    const described = focus.getAttribute('aria-describedby')!.split(' ').map((id) => root.getElementById(id)!.textContent!);
    expect(described[0]).to.contain('Acme Corp').and.to.contain('$5,000.00').and.to.contain('Salesperson: Jonas Weber');
    expect(described[1]).to.contain('Space or Enter picks the card up');
    const buttons = [...card(board, 'a1')!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim());
    expect(buttons).to.deep.equal(['Medium', 'High', 'Very high', 'Open', 'Mark as won', 'Mark as lost']);
    for (const button of root.querySelectorAll('button')) {
      const name = button.getAttribute('aria-label') ?? button.textContent!.trim();
      expect(name, button.outerHTML).to.not.equal('');
    }
    const tabStops = [...root.querySelectorAll('[data-card-focus]')].filter((el) => el.getAttribute('tabindex') === '0');
    expect(tabStops.map((el) => el.textContent)).to.deep.equal(['Acme renewal']);
    const otherCardButtons = [...card(board, 'b1')!.querySelectorAll('button')].map((b) => b.getAttribute('tabindex'));
    expect(otherCardButtons.every((tabindex) => tabindex === '-1')).to.equal(true);
  });

  it('reaches the first column’s controls, then the one card tab stop, then that card’s buttons, in that order', async () => {
    const { board } = await mountBoard({ deals: smallPipeline() });
    const input = document.createElement('input');
    board.before(input);
    input.focus();
    const seen: string[] = [];
    for (let i = 0; i < 9; i++) {
      await sendKeys({ press: 'Tab' });
      const active = shadow(board).activeElement as HTMLElement | null;
      seen.push(active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? '(outside)');
    }
    input.remove();
    expect(seen.slice(0, 3)).to.deep.equal(['Add a deal to New', 'Fold New', seen[2]]);
    expect(seen[2]).to.match(/^Overdue: 1 deal/);
    const cardAt = seen.indexOf('Acme renewal');
    expect(cardAt, seen.join(' | ')).to.be.greaterThan(2);
    // After the card: its stars and its actions, not another card.
    expect(seen.slice(cardAt + 1, cardAt + 4)).to.deep.equal(['Medium', 'High', 'Very high']);
    expect(seen).to.not.include('Deal a2');
  });

  it('renders untrusted titles as text', async () => {
    const title = '<img src=x onerror=alert(1)>';
    const { board } = await mountBoard({ deals: [makeDeal('x1', 'new', 1024, { title, company: '<b>bold</b>' })] });
    expect(cardFocus(board, 'x1')!.textContent).to.equal(title);
    expect(shadow(board).querySelector('img')).to.equal(null);
    expect(shadow(board).querySelector('.company b')).to.equal(null);
  });

  it('shows amounts, close dates (overdue said in words), owners, tags, and WON/LOST ribbons', async () => {
    const deals = [...smallPipeline(), makeDeal('l1', 'new', 4096, { status: 'lost', probability: 0, closedAt: '2026-06-01T10:00:00.000Z' })];
    const { board, store } = await mountBoard({ deals });
    const acme = card(board, 'a1')!;
    expect(acme.querySelector('.amount')!.textContent).to.equal('$5,000.00');
    expect(acme.querySelector('.owner')!.textContent).to.contain('JW').and.to.contain('Salesperson: Jonas Weber');
    expect(acme.querySelector('.tags')!.textContent).to.contain('renewal');
    const overdue = card(board, 'a2')!.querySelector('.close-date')!;
    expect(overdue.classList.contains('overdue')).to.equal(true);
    expect(overdue.textContent).to.contain('Overdue: expected close Jun 10, 2026');
    expect(card(board, 'w1')!.querySelector('[part="ribbon"]')!.textContent).to.equal('WON');
    expect(card(board, 'l1'), 'lost deals are hidden by default').to.equal(null);
    store.updateFilter({ statuses: ['open', 'won', 'lost'] });
    await settle(board);
    expect(card(board, 'l1')!.querySelector('[part="ribbon"]')!.textContent).to.equal('LOST');
    expect(column(board, 'new').contains(card(board, 'l1')), 'a lost deal stays in its stage').to.equal(true);
    expect([...card(board, 'l1')!.querySelectorAll('.actions button')].map((b) => b.textContent!.trim())).to.deep.equal(['Open', 'Restore']);
  });

  it('keeps ribbon text readable (contrast 4.5:1 or more) in the light and the dark theme', async () => {
    const deals = [...smallPipeline(), makeDeal('l1', 'new', 4096, { status: 'lost', probability: 0, closedAt: '2026-06-01T10:00:00.000Z' })];
    const { board, store } = await mountBoard({ deals });
    store.updateFilter({ statuses: ['open', 'won', 'lost'] });
    await settle(board);
    for (const scheme of ['light', 'dark']) {
      board.style.colorScheme = scheme;
      for (const id of ['w1', 'l1']) {
        const style = getComputedStyle(card(board, id)!.querySelector('[part="ribbon"]')!);
        expect(contrast(style.color, style.backgroundColor), `${id} ribbon, ${scheme}`).to.be.at.least(4.5);
      }
    }
  });

  it('fires deal-open when a card is clicked outside its buttons, or its Open button is pressed', async () => {
    const { board } = await mountBoard({ deals: smallPipeline() });
    let opened = nextEvent<DealOpenEvent>(board, 'deal-open');
    (card(board, 'b1')!.querySelector('.company') as HTMLElement).click();
    expect((await opened).detail.deal.id).to.equal('b1');
    opened = nextEvent<DealOpenEvent>(board, 'deal-open');
    card(board, 'c1')!.querySelector<HTMLElement>('[data-action="open"]')!.click();
    expect((await opened).detail.deal.id).to.equal('c1');
    let count = 0;
    board.addEventListener('deal-open', () => count++);
    card(board, 'c1')!.querySelector<HTMLElement>('.star')!.click();
    expect(count, 'a star is not an open').to.equal(0);
  });

  it('edits the priority with the stars; choosing the current level again clears it', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const star = (level: number) => card(board, 'b1')!.querySelectorAll<HTMLButtonElement>('.star')[level - 1]!;
    star(2).click();
    await settle(board);
    expect(store.deal('b1')!.priority).to.equal(2);
    expect([1, 2, 3].map((level) => star(level).getAttribute('aria-pressed'))).to.deep.equal(['true', 'true', 'false']);
    star(2).click();
    await settle(board);
    expect(store.deal('b1')!.priority).to.equal(0);
  });

  it('totals each column over every matching deal at 10,000 deals, with missing rates left out and flagged', async () => {
    const deals = generateDeals(10_000, { seed: 7, now: `${TODAY}T12:00:00.000Z`, currencies: ['USD', 'EUR', 'GBP'] });
    const rates = { EUR: 1.08 };
    const { board, store } = await mountBoard({ deals }, { rates });
    const filter = defaultFilter();
    for (const stage of store.stages) {
      let amount = 0;
      let weighted = 0;
      let count = 0;
      for (const deal of deals) {
        if (deal.stageId !== stage.id || !matchesQuery(deal, filter)) continue;
        count++;
        if (deal.currency === 'GBP') continue;
        const value = deal.currency === 'EUR' ? deal.amount * 1.08 : deal.amount;
        amount += value;
        weighted += (value * deal.probability) / 100;
      }
      const header = column(board, stage.id).querySelector('.column-totals')!.textContent!.replace(/\s+/g, ' ');
      expect(header, stage.id).to.contain(`Total ${usd.format(amount)}`);
      expect(header, stage.id).to.contain(`Weighted ${usd.format(weighted)}`);
      expect(column(board, stage.id).querySelector('.column-count')!.textContent).to.contain(`${count.toLocaleString('en')} deals`);
      expect(column(board, stage.id).querySelector('.missing-rates')!.getAttribute('aria-label')).to.contain('GBP');
    }
    const total = deals.filter((deal) => matchesQuery(deal, filter)).length;
    expect(shadow(board).querySelector('[part="summary"]')!.textContent).to.contain(`${total.toLocaleString('en')} deals`);
  });

  it('renders only the cards in view at 10,000 deals, with each column as tall as all its cards', async () => {
    const deals = generateDeals(10_000, { seed: 3, now: `${TODAY}T12:00:00.000Z` });
    const { board, store } = await mountBoard({ deals });
    const rendered = shadow(board).querySelectorAll('[data-card]').length;
    expect(rendered).to.be.greaterThan(8).and.lessThan(200);
    const first = card(board, store.column('new')[0]!.id)!;
    const second = card(board, store.column('new')[1]!.id)!;
    const pitch = second.getBoundingClientRect().top - first.getBoundingClientRect().top;
    const gap = pitch - first.getBoundingClientRect().height;
    const track = column(board, 'new').querySelector<HTMLElement>('[data-track]')!;
    expect(track.getBoundingClientRect().height).to.be.closeTo(store.column('new').length * pitch - gap, 1);
    // Scrolling renders the cards further down.
    const body = column(board, 'new').querySelector<HTMLElement>('[data-column-body]')!;
    body.scrollTop = 500 * pitch;
    await frame();
    await settle(board);
    expect(card(board, store.column('new')[500]!.id), 'card 500 after scrolling').to.exist;
    expect(card(board, store.column('new')[1]!.id), 'card 1 left the DOM').to.equal(null);
  });

  it('measures its cards again when their height changes, e.g. a theme setting --deal-card-height', async () => {
    const { board } = await mountBoard({ deals: smallPipeline() });
    board.style.setProperty('--deal-card-height', '10rem');
    await frame();
    await settle(board);
    const [a1, a2, a3] = ['a1', 'a2', 'a3'].map((id) => card(board, id)!.getBoundingClientRect());
    expect(a1!.height).to.be.closeTo(160, 0.5);
    // Each card below the one before it, the 0.5rem gap between: no overlap, no hole.
    expect(a2!.top - a1!.top).to.be.closeTo(168, 0.5);
    expect(a3!.top - a2!.top).to.be.closeTo(168, 0.5);
    const track = column(board, 'new').querySelector<HTMLElement>('[data-track]')!;
    expect(track.getBoundingClientRect().height).to.be.closeTo(3 * 168 - 8, 0.5);
  });

  it('still measures its cards after being taken off the page and put back', async () => {
    const { provider, board } = await mountBoard({ deals: smallPipeline() });
    board.remove();
    provider.append(board);
    board.style.setProperty('--deal-card-height', '10rem');
    await frame();
    await settle(board);
    const [a1, a2] = ['a1', 'a2'].map((id) => card(board, id)!.getBoundingClientRect());
    expect(a2!.top - a1!.top).to.be.closeTo(168, 0.5);
  });

  it('renders and measures without asking for an update from inside an update (Lit’s development build warns of that)', async () => {
    // The test runner serves Lit's development build, which records every warning it gives, once per page.
    const warnings = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
    expect(warnings, 'Lit’s development build records its warnings').to.be.an.instanceOf(Set);
    const boardWarnings = (): string[] => [...warnings!].filter((warning) => warning.includes('deal-pipeline-board'));
    // Forget what earlier tests on this page caused, so a warning given again is seen.
    for (const warning of boardWarnings()) warnings!.delete(warning);
    const { board } = await mountBoard({ deals: generateDeals(500, { seed: 3, now: `${TODAY}T12:00:00.000Z` }) });
    board.style.setProperty('--deal-card-height', '6rem');
    await frame();
    await settle(board);
    expect(boardWarnings()).to.deep.equal([]);
  });

  it('keeps the focused card, and arrow navigation, when it scrolls out of view', async () => {
    const deals = generateDeals(2_000, { seed: 3, now: `${TODAY}T12:00:00.000Z` });
    const { board, store } = await mountBoard({ deals });
    const [first, second] = store.column('new');
    cardFocus(board, first!.id)!.focus();
    const body = column(board, 'new').querySelector<HTMLElement>('[data-column-body]')!;
    body.scrollTop = body.scrollHeight;
    await frame();
    await settle(board);
    expect(card(board, second!.id), 'its neighbour left the DOM').to.equal(null);
    expect(shadow(board).activeElement).to.equal(cardFocus(board, first!.id));
    await sendKeys({ press: 'ArrowDown' });
    await settle(board);
    expect(shadow(board).activeElement).to.equal(cardFocus(board, second!.id));
    expect(body.scrollTop, 'scrolled back to the focused card').to.be.lessThan(400);
  });

  it('lays the columns out from the right in Persian, and mirrors the fold icon', async () => {
    const { board } = await mountBoard({ deals: smallPipeline() }, { locale: 'fa' });
    const root = shadow(board).querySelector('.root')!;
    expect(root.getAttribute('dir')).to.equal('rtl');
    const first = column(board, 'new').getBoundingClientRect();
    const second = column(board, 'qualified').getBoundingClientRect();
    const boardRect = board.getBoundingClientRect();
    expect(first.left).to.be.greaterThan(second.left);
    expect(boardRect.right - first.right, 'the first column starts at the right edge').to.be.lessThan(4);
    expect(column(board, 'new').querySelector('.column-name')!.textContent).to.equal('جدید');
    expect(getComputedStyle(column(board, 'new').querySelector('.fold-icon')!).transform).to.not.equal('none');
    // A card's text starts at its right edge too.
    const range = document.createRange();
    range.selectNodeContents(cardFocus(board, 'a1')!);
    const text = range.getBoundingClientRect();
    const cardRect = card(board, 'a1')!.getBoundingClientRect();
    expect(cardRect.right - text.right, 'text hugs the right edge').to.be.lessThan(16);
    expect(text.left - cardRect.left, 'and leaves room on the left').to.be.greaterThan(16);
  });

  it('folds a column to a strip that persists through the adapter, and unfolds it', async () => {
    const adapter = new MemoryAdapter({ deals: smallPipeline() });
    const { board, store } = await mountBoard(adapter);
    column(board, 'qualified').querySelector<HTMLButtonElement>('[data-fold]')!.click();
    await settle(board);
    expect(store.stage('qualified')!.folded).to.equal(true);
    expect((await adapter.listStages()).find((stage) => stage.id === 'qualified')!.folded).to.equal(true);
    const strip = column(board, 'qualified');
    expect(strip.getAttribute('part')).to.contain('column-folded');
    expect(strip.querySelector('[role="list"]')).to.equal(null);
    const unfold = strip.querySelector<HTMLButtonElement>('button')!;
    expect(unfold.getAttribute('aria-expanded')).to.equal('false');
    expect(unfold.getAttribute('aria-label')).to.equal('Qualified, 2 deals: unfold');
    expect(shadow(board).activeElement, 'focus moves to the strip').to.equal(unfold);
    expect(strip.getBoundingClientRect().width).to.be.lessThan(60);
    unfold.focus();
    await sendKeys({ press: 'Enter' });
    await settle(board);
    expect(store.stage('qualified')!.folded).to.equal(false);
    expect(column(board, 'qualified').querySelectorAll('[data-card]').length).to.equal(2);
  });

  it('creates a deal from the top of a column, with the stage probability, and asks for a title first', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    column(board, 'qualified').querySelector<HTMLButtonElement>('[data-create]')!.click();
    await settle(board);
    const form = shadow(board).querySelector<HTMLFormElement>('[part="quick-create"]')!;
    expect(shadow(board).activeElement).to.equal(form.querySelector('input[name="title"]'));
    await sendKeys({ press: 'Enter' });
    await settle(board);
    expect(form.querySelector('[role="alert"]')!.textContent).to.equal('Enter a title for the deal.');
    expect(form.querySelector('input[name="title"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(store.column('qualified').length).to.equal(2);
    await sendKeys({ type: 'Globex pilot' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '-5' });
    await sendKeys({ press: 'Enter' });
    await settle(board);
    expect(form.querySelector('[role="alert"]')!.textContent).to.equal('Enter an amount of 0 or more.');
    expect(shadow(board).activeElement).to.equal(form.querySelector('input[name="amount"]'));
    (form.querySelector('input[name="amount"]') as HTMLInputElement).value = '';
    (form.querySelector('input[name="title"]') as HTMLInputElement).focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Globex' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '12,500' });
    await sendKeys({ press: 'Enter' });
    await settle(board);
    const created = store.column('qualified')[0]!;
    expect(created).to.include({ title: 'Globex pilot', company: 'Globex', amount: 12500, currency: 'USD', probability: 30, stageId: 'qualified' });
    expect(cardFocus(board, created.id)!.textContent).to.equal('Globex pilot');
    await sendKeys({ press: 'Escape' });
    await settle(board);
    expect(shadow(board).querySelector('[part="quick-create"]')).to.equal(null);
    expect(shadow(board).activeElement).to.equal(column(board, 'qualified').querySelector('[data-create]'));
  });

  it('shows a summary and a removable chip for each narrowing of the shared filter', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    expect(shadow(board).querySelector('[part="summary"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '7 deals, $11,000.00 in total',
    );
    expect(shadow(board).querySelectorAll('[part="chip"]').length).to.equal(0);
    store.updateFilter({ owners: ['Jonas Weber'], text: 'acme', statuses: ['open'] });
    await settle(board);
    const chips = () => [...shadow(board).querySelectorAll('[part="chip"]')].map((chip) => chip.textContent!.replace(/\s+/g, ' ').trim());
    expect(chips()).to.deep.equal(['Status: Open ×', 'Salesperson: Jonas Weber ×', 'Search: “acme” ×']);
    expect(shadow(board).querySelector('[part="summary"]')!.textContent).to.contain('1 deal,');
    shadow(board).querySelector<HTMLButtonElement>('[aria-label="Remove filter: Salesperson: Jonas Weber"]')!.click();
    await settle(board);
    expect(store.filter.owners).to.equal(undefined);
    expect(chips()).to.deep.equal(['Status: Open ×', 'Search: “acme” ×']);
    shadow(board).querySelector<HTMLButtonElement>('.text-button')!.click();
    await settle(board);
    expect(store.filter).to.deep.equal(defaultFilter());
  });

  it('narrows the board from the close-date health bar, including to deals without a date', async () => {
    const { board, store } = await mountBoard({ deals: smallPipeline() });
    const parts = () => [...column(board, 'new').querySelectorAll<HTMLButtonElement>('[data-health]')];
    expect(parts().map((part) => part.dataset['health'])).to.deep.equal(['overdue', 'later', 'none']);
    expect(parts()[0]!.getAttribute('aria-label')).to.equal('Overdue: 1 deal. Show only these');
    parts()[0]!.click();
    await settle(board);
    expect(store.filter.closeDate).to.deep.equal({ to: '2026-06-14' });
    expect(column(board, 'new').querySelectorAll('[data-card]').length).to.equal(1);
    // "No date": the board narrows itself, shown as a chip.
    store.resetFilter();
    await settle(board);
    column(board, 'new').querySelector<HTMLButtonElement>('[data-health="none"]')!.click();
    await settle(board);
    expect(store.filter.closeDate).to.equal(undefined);
    const cards = [...shadow(board).querySelectorAll<HTMLElement>('[data-card]')].map((el) => el.dataset['dealId']);
    expect(cards).to.deep.equal(['a3']);
    const chip = shadow(board).querySelector('[part="chip"]')!;
    expect(chip.textContent).to.contain('Expected close: no date');
    chip.querySelector('button')!.click();
    await settle(board);
    expect(shadow(board).querySelectorAll('[data-card]').length).to.equal(7);
  });

  it('shows changes made elsewhere (another tab on the same data) without reloading', async () => {
    const { MemoryDatabase } = await import('../../../src/adapters/memory-adapter.js');
    const database = new MemoryDatabase({ deals: smallPipeline() });
    const { board } = await mountBoard(new MemoryAdapter(database));
    const otherTab = new MemoryAdapter(database);
    await otherTab.moveDeal('b2', { stageId: 'proposition', index: 0 }, {});
    await otherTab.updateDeal('c1', { title: 'Renamed elsewhere' });
    await settle(board);
    expect(column(board, 'proposition').contains(card(board, 'b2'))).to.equal(true);
    expect(cardFocus(board, 'c1')!.textContent).to.equal('Renamed elsewhere');
  });

  it('follows the provider locale: Chinese texts and formats', async () => {
    const deals: Deal[] = smallPipeline();
    const { board } = await mountBoard({ deals }, { locale: 'zh-Hans' });
    expect(column(board, 'won').querySelector('.column-name')!.textContent).to.equal('成交');
    expect(card(board, 'w1')!.querySelector('[part="ribbon"]')!.textContent).to.equal('已成交');
    expect(shadow(board).querySelector('[part="summary"]')!.textContent).to.contain('7个商机');
    expect(card(board, 'a1')!.querySelector('[data-action="won"]')!.textContent!.trim()).to.equal('标记为成交');
  });
});
