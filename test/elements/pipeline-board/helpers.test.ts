import { expect } from '@open-wc/testing';
import type { Deal } from '../../../src/model/schemas.js';
import { ownerInitials, parseAmount } from '../../../src/elements/pipeline-board/card-text.js';
import { columnView } from '../../../src/elements/pipeline-board/column-view.js';
import { edgeSpeed } from '../../../src/elements/pipeline-board/drag-controller.js';
import { addDays, closeDateHealth, healthPartOf, healthRange, HealthCache } from '../../../src/elements/pipeline-board/health.js';
import { catalogueProblems, loadMessages } from '../../../src/i18n/messages.js';
import { boardMessages } from '../../../src/elements/pipeline-board/messages.js';
import { slotAt, visibleRange } from '../../../src/elements/pipeline-board/virtual-columns.js';
import { SUPPORTED_LOCALES } from '../../../src/i18n/locales.js';

const TODAY = '2026-06-15';

const dated = (status: Deal['status'], expectedClose: string | null) => ({ status, expectedClose });

/** Minimal deals for the column views: only identity and id matter there. */
const ids = (...list: string[]): Deal[] => list.map((id) => ({ id }) as Deal);
const idsOf = (view: { length: number; at(i: number): Deal | undefined }): string[] =>
  Array.from({ length: view.length }, (_, i) => view.at(i)!.id);

describe('pipeline board helpers', () => {
  describe('close-date health', () => {
    it('splits open deals into overdue, due within 7 days, later and no date', () => {
      const health = closeDateHealth(
        [
          dated('open', '2026-06-14'), // yesterday: overdue
          dated('open', '2026-06-15'), // today: soon
          dated('open', '2026-06-22'), // today + 7: soon
          dated('open', '2026-06-23'), // today + 8: later
          dated('open', null),
          dated('won', '2020-01-01'), // closed deals have no health
          dated('lost', null),
        ],
        TODAY,
      );
      expect(health).to.deep.equal({ overdue: 1, soon: 2, later: 1, none: 1 });
    });

    it('gives each part the filter range that shows exactly its deals', () => {
      expect(healthRange('overdue', TODAY)).to.deep.equal({ to: '2026-06-14' });
      expect(healthRange('soon', TODAY)).to.deep.equal({ from: '2026-06-15', to: '2026-06-22' });
      expect(healthRange('later', TODAY)).to.deep.equal({ from: '2026-06-23' });
      expect(healthRange('none', TODAY)).to.equal(null);
      expect(healthPartOf(dated('open', '2026-06-22'), TODAY)).to.equal('soon');
      expect(healthPartOf(dated('won', '2026-06-01'), TODAY)).to.equal(null);
    });

    it('adds days across month and year ends and leap days', () => {
      expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
      expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
      expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    });

    it('counts a column again only when its array or the day changes', () => {
      const cache = new HealthCache();
      const column = [dated('open', '2026-06-20')] as Deal[];
      const first = cache.get(column, TODAY);
      expect(cache.get(column, TODAY)).to.equal(first);
      expect(cache.get(column, '2026-06-25')).to.deep.equal({ overdue: 1, soon: 0, later: 0, none: 0 });
      expect(cache.get([...column], TODAY)).to.not.equal(first);
    });
  });

  describe('column views during a move', () => {
    const column = ids('a', 'b', 'c', 'd');

    it('shows the column as it is without a move, or for a column the move does not touch', () => {
      expect(idsOf(columnView(column, 'new', null))).to.deep.equal(['a', 'b', 'c', 'd']);
      const move = { deal: { id: 'x' } as Deal, fromStageId: 'won', toStageId: 'qualified', toIndex: 0 };
      expect(idsOf(columnView(column, 'new', move))).to.deep.equal(['a', 'b', 'c', 'd']);
    });

    it('moves a card down and up inside its column', () => {
      const b = column[1]!;
      expect(idsOf(columnView(column, 'new', { deal: b, fromStageId: 'new', toStageId: 'new', toIndex: 2 }))).to.deep.equal(['a', 'c', 'b', 'd']);
      expect(idsOf(columnView(column, 'new', { deal: b, fromStageId: 'new', toStageId: 'new', toIndex: 0 }))).to.deep.equal(['b', 'a', 'c', 'd']);
      expect(idsOf(columnView(column, 'new', { deal: b, fromStageId: 'new', toStageId: 'new', toIndex: 99 }))).to.deep.equal(['a', 'c', 'd', 'b']);
    });

    it('takes the card out of its column and shows it in the target one, matching it by id', () => {
      const moving = { id: 'b' } as Deal; // a newer record of the same deal
      const move = { deal: moving, fromStageId: 'new', toStageId: 'qualified', toIndex: 1 };
      const source = columnView(column, 'new', move);
      const target = columnView(ids('p', 'q'), 'qualified', move);
      expect(idsOf(source)).to.deep.equal(['a', 'c', 'd']);
      expect(idsOf(target)).to.deep.equal(['p', 'b', 'q']);
      expect(target.indexOf(moving)).to.equal(1);
      expect(source.indexOf(column[3]!)).to.equal(2);
      expect(source.indexOf(column[1]!)).to.equal(-1);
      expect(target.at(3)).to.equal(undefined);
      expect(target.at(-1)).to.equal(undefined);
    });
  });

  describe('virtual window', () => {
    it('renders the cards in view plus the overscan, clipped to the column', () => {
      expect(visibleRange({ count: 1000, pitch: 100, scrollTop: 0, viewport: 450, overscan: 2 })).to.deep.equal({ start: 0, end: 7 });
      expect(visibleRange({ count: 1000, pitch: 100, scrollTop: 5000, viewport: 450, overscan: 2 })).to.deep.equal({ start: 48, end: 57 });
      expect(visibleRange({ count: 10, pitch: 100, scrollTop: 900, viewport: 450, overscan: 2 })).to.deep.equal({ start: 7, end: 10 });
      expect(visibleRange({ count: 0, pitch: 100, scrollTop: 0, viewport: 450, overscan: 2 })).to.deep.equal({ start: 0, end: 0 });
    });

    it('finds the slot under a point, clamped to the column', () => {
      expect(slotAt(-20, 100, 5)).to.equal(0);
      expect(slotAt(150, 100, 5)).to.equal(1);
      expect(slotAt(10_000, 100, 5)).to.equal(5);
    });

    it('scrolls faster the nearer the pointer is to an edge, and not in the middle', () => {
      expect(edgeSpeed(200, 200)).to.equal(0);
      expect(edgeSpeed(2, 400)).to.be.lessThan(edgeSpeed(40, 400));
      expect(edgeSpeed(2, 400)).to.be.lessThan(0);
      expect(edgeSpeed(400, 2)).to.be.greaterThan(0);
      expect(edgeSpeed(-5, 400)).to.equal(0);
    });
  });

  describe('card text', () => {
    it('makes initials from names in any script', () => {
      expect(ownerInitials('Mia Chen')).to.equal('MC');
      expect(ownerInitials('  jonas   van der weber ')).to.equal('JW');
      expect(ownerInitials('Priya')).to.equal('P');
      expect(ownerInitials('王伟')).to.equal('王');
      expect(ownerInitials('علی رضایی')).to.equal('عر');
      expect(ownerInitials('')).to.equal('');
    });

    it('reads amounts typed with Latin, Persian or Arabic digits and separators', () => {
      expect(parseAmount('')).to.equal(0);
      expect(parseAmount('12,500.50')).to.equal(12500.5);
      expect(parseAmount('۱۲٬۵۰۰٫۵')).to.equal(12500.5);
      expect(parseAmount('٣٠٠')).to.equal(300);
      expect(parseAmount('-5')).to.equal(null);
      expect(parseAmount('12abc')).to.equal(null);
      expect(parseAmount('.')).to.equal(null);
    });
  });

  describe('messages', () => {
    it('has every message in every locale', async () => {
      expect(await catalogueProblems(boardMessages)).to.deep.equal([]);
    });

    it('fills every parameter into the move announcements', async () => {
      const place = { title: 'Acme renewal', stage: 'Qualified', position: '3', total: '12' };
      expect(boardMessages.en['move.moved'](place)).to.equal('Moved “Acme renewal” to Qualified, position 3 of 12.');
      for (const locale of SUPPORTED_LOCALES) {
        const messages = await loadMessages(boardMessages, locale);
        for (const key of ['move.pickedUp', 'move.moved', 'move.dropped', 'move.cancelled'] as const) {
          const text = messages[key](place);
          for (const value of Object.values(place)) expect(text, `${locale} ${key}`).to.contain(value);
        }
      }
    });
  });
});
