/**
 * Texts of `<deal-pipeline-board>`. Shared terms (statuses, stage names,
 * actions, field names, errors) come from the common messages; the terms
 * here follow them: 商机/丢失/恢复/预计关闭日期 (zh-Hans), 商機/流失/恢復/預計結案日期
 * (zh-Hant), فرصت/مرحله/برد/از دست رفته (fa). English is here; the other
 * locales are in messages/<locale>.ts and load when first needed. Numbers
 * in parameters arrive already formatted in the locale's digits.
 */
import { defineMessages } from '../../i18n/messages.js';

/** Where a card is during a move: the parameters of the move announcements. */
export interface MovePlace {
  title: string;
  stage: string;
  /** 1-based position, formatted. */
  position: string;
  /** Cards in the column with the moving one, formatted. */
  total: string;
}

/** The English messages. They set the keys and parameter types that every locale file must match. */
const english = {
  'board.label': 'Sales pipeline',
  'board.summary': (p: { deals: string; amount: string }) => `${p.deals}, ${p.amount} in total`,
  'board.missingRates': (p: { currencies: string }) =>
    `Amounts in ${p.currencies} have no exchange rate and are left out of the totals.`,
  'board.instructions':
    'Space or Enter picks the card up; then the arrow keys move it, Space or Enter drops it and Escape cancels. Tab reaches its actions; clicking the card opens it.',

  'column.total': 'Total',
  'column.weighted': 'Weighted',
  'column.fold': (p: { stage: string }) => `Fold ${p.stage}`,
  'column.unfold': (p: { stage: string; deals: string }) => `${p.stage}, ${p.deals}: unfold`,
  'column.add': (p: { stage: string }) => `Add a deal to ${p.stage}`,

  'health.label': 'Expected close dates',
  'health.soon': 'Due within 7 days',
  'health.later': 'Due later',
  'health.part': (p: { part: string; deals: string }) => `${p.part}: ${p.deals}. Show only these`,

  'create.label': (p: { stage: string }) => `New deal in ${p.stage}`,
  'create.submit': 'Add',
  'create.titleRequired': 'Enter a title for the deal.',
  'create.amountInvalid': 'Enter an amount of 0 or more.',
  'create.created': (p: { title: string; stage: string }) => `Created “${p.title}” in ${p.stage}.`,

  'card.open': 'Open',
  'card.owner': (p: { owner: string }) => `Salesperson: ${p.owner}`,
  'card.closeDate': (p: { date: string }) => `Expected close ${p.date}`,
  'card.overdue': (p: { date: string }) => `Overdue: expected close ${p.date}`,
  'card.priority': (p: { level: string }) => `Priority: ${p.level}`,

  'move.pickedUp': (p: MovePlace) =>
    `Picked up “${p.title}” in ${p.stage}, position ${p.position} of ${p.total}. Arrow keys move it, Space or Enter drops it, Escape cancels.`,
  'move.moved': (p: MovePlace) => `Moved “${p.title}” to ${p.stage}, position ${p.position} of ${p.total}.`,
  'move.dropped': (p: MovePlace) => `Dropped “${p.title}” in ${p.stage}, position ${p.position} of ${p.total}.`,
  'move.cancelled': (p: MovePlace) =>
    `Move cancelled. “${p.title}” is back in ${p.stage}, position ${p.position} of ${p.total}.`,
  'move.lostStays': (p: { title: string }) =>
    `“${p.title}” is lost and stays in its stage. Restore it to move it to another stage.`,
  'move.notAllowed': (p: { title: string }) => `Moving “${p.title}” was not allowed.`,

  'done.won': (p: { title: string }) => `“${p.title}” marked as won.`,
  'done.lost': (p: { title: string }) => `“${p.title}” marked as lost.`,
  'done.restored': (p: { title: string }) => `“${p.title}” restored.`,

  'zone.won': 'Drop here to mark as won',
  'zone.lost': 'Drop here to mark as lost',

  'filter.label': 'Active filters',
  'filter.remove': (p: { label: string }) => `Remove filter: ${p.label}`,
  'filter.clearAll': 'Clear all filters',
  'filter.field': (p: { field: string; value: string }) => `${p.field}: ${p.value}`,
  'filter.from': (p: { date: string }) => `from ${p.date}`,
  'filter.until': (p: { date: string }) => `until ${p.date}`,
  'filter.between': (p: { from: string; to: string }) => `${p.from} – ${p.to}`,
  'filter.allStatuses': 'all',
  'filter.lostDate': 'Lost on',
  'filter.text': 'Search',
  'filter.quoted': (p: { text: string }) => `“${p.text}”`,
  'filter.noCloseDate': 'no date',

  'alert.dismiss': 'Dismiss',
};

/** The type of the board's own messages in one locale; each locale file (`messages/<locale>.ts`) gives its messages this type. */
export type BoardMessages = typeof english;

export const boardMessages = defineMessages({
  en: english,
  'zh-Hans': () => import('./messages/zh-Hans.js'),
  'zh-Hant': () => import('./messages/zh-Hant.js'),
  fa: () => import('./messages/fa.js'),
});
