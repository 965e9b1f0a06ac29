/**
 * Messages several elements share: statuses, default stage and lost reason
 * names, actions, error texts, empty states, periods, priorities.
 *
 * Terms follow the CRM guides users of each language read (see
 * /work/shared/seeds): Simplified Chinese as in the Odoo 18 guide (商机,
 * 丢失, 丢失原因, 恢复, 关闭说明) and the SuiteCRM guide (销售阶段, 初步接触,
 * 需求分析, 成交, 预计关闭日期); Traditional Chinese as in the Odoo guide
 * (商機, 成交, 流失, 流失原因, 恢復, 結案備註, 機率); Persian as in the Odoo
 * guide (فرصت, مرحله, احتمال, جدید، پیشنهاد، ارائه، برد, تاریخ اتمام).
 */
import { isDealAdapterError } from '../adapters/errors.js';
import { DEFAULT_LOST_REASONS, DEFAULT_STAGES, SUITECRM_STAGES } from '../model/defaults.js';
import type { DealStatus } from '../model/schemas.js';
import { formatterFor } from './format.js';
import { defineMessages } from './messages.js';

const en = formatterFor('en');

/** The English messages. They set the keys and parameter types that every locale file must match. */
const english = {
  'status.open': 'Open',
  'status.won': 'Won',
  'status.lost': 'Lost',
  'ribbon.won': 'WON',
  'ribbon.lost': 'LOST',

  'stage.new': 'New',
  'stage.qualified': 'Qualified',
  'stage.proposition': 'Proposition',
  'stage.won': 'Won',
  'stage.prospecting': 'Prospecting',
  'stage.qualification': 'Qualification',
  'stage.needs-analysis': 'Needs Analysis',
  'stage.value-proposition': 'Value Proposition',
  'stage.id-decision-makers': 'Id. Decision Makers',
  'stage.perception-analysis': 'Perception Analysis',
  'stage.proposal-price-quote': 'Proposal/Price Quote',
  'stage.negotiation-review': 'Negotiation/Review',
  'stage.closed-won': 'Closed Won',

  'reason.too-expensive': 'Too expensive',
  'reason.not-enough-stock': 'Not enough stock',
  'reason.no-skills': "We don't have people/skills",

  'action.markWon': 'Mark as won',
  'action.markLost': 'Mark as lost',
  'action.restore': 'Restore',
  'action.cancel': 'Cancel',
  'action.retry': 'Retry',
  'action.undo': 'Undo',
  'action.clear': 'Clear',
  'action.close': 'Close',
  'action.showTable': 'Show table',
  'action.hideTable': 'Hide table',

  'field.title': 'Deal',
  'field.company': 'Company',
  'field.contact': 'Contact',
  'field.amount': 'Amount',
  'field.currency': 'Currency',
  'field.stage': 'Stage',
  'field.probability': 'Probability',
  'field.expectedClose': 'Expected close',
  'field.owner': 'Salesperson',
  'field.priority': 'Priority',
  'field.tags': 'Tags',
  'field.status': 'Status',
  'field.lostReason': 'Lost reason',
  'field.closingNote': 'Closing note',

  'error.not_found':
    'What you were working on no longer exists; it may have been deleted in another tab or by someone else. Reload to see the current data.',
  'error.conflict':
    'Someone else changed this deal in the meantime, so your change was not saved. The latest version is shown now; make your change again if it is still needed.',
  'error.validation': 'Some values are not valid. Check the marked fields and try again; nothing was saved.',
  'error.network': 'The server could not be reached. Check your connection and try again; your change was not saved.',
  'error.timeout': 'The server took too long to answer. Try again in a moment.',
  'error.quota_exceeded': "Your browser's storage is full. Free some space and try again; nothing was saved.",
  'error.storage_unavailable':
    "Your browser's storage could not be opened. Try again; if it keeps failing, close other tabs of this page or reload it.",
  'error.invalid_response':
    'The server sent data that could not be read, so it was not used. Try again later, and tell your administrator if it keeps happening.',
  'error.unauthorized': 'You are not allowed to do this, or your session has expired. Sign in again and retry.',
  'error.unsupported': 'This action is not available with the current data source.',
  'error.unknown': 'Something went wrong. Try again; if it keeps happening, reload the page.',

  'notice.memoryFallback':
    'IndexedDB is not available here (private mode?). Changes are kept in memory only and will be lost when you close the page.',
  'state.loading': 'Loading…',
  'empty.noDeals': 'No deals yet.',
  'empty.noMatches': 'No deals match the current filter.',
  'empty.stage': 'No deals in this stage.',
  'empty.noData': 'Nothing to show for this period.',

  'date.overdue': 'Overdue',
  'date.none': 'No date',
  'period.week': 'Week',
  'period.month': 'Month',
  'period.quarter': 'Quarter',
  'count.deals': (p: { count: number }) => en.plural(p.count, { one: '# deal', other: '# deals' }),

  'priority.0': 'Low',
  'priority.1': 'Medium',
  'priority.2': 'High',
  'priority.3': 'Very high',
};

/** The type of one locale's common messages; each locale file (`common/<locale>.ts`) gives its messages this type. */
export type CommonMessages = typeof english;

/** The messages shared by all elements: English here, the other locales loaded when first needed. */
export const commonMessages = defineMessages({
  en: english,
  'zh-Hans': () => import('./common/zh-Hans.js'),
  'zh-Hant': () => import('./common/zh-Hant.js'),
  fa: () => import('./common/fa.js'),
});

/** A message key of the common catalogue. */
export type CommonMessageKey = keyof CommonMessages;

// English names of the preset stages and default reasons, by id. A record
// still carrying its preset name is shown translated; once a user renames it,
// the name they typed is shown as typed.
const PRESET_STAGE_NAMES = new Map([...DEFAULT_STAGES, ...SUITECRM_STAGES].map((stage) => [stage.id, stage.name]));
const DEFAULT_REASON_NAMES = new Map(DEFAULT_LOST_REASONS.map((reason) => [reason.id, reason.name]));

function presetName(
  messages: CommonMessages,
  prefix: 'stage' | 'reason',
  presets: ReadonlyMap<string, string>,
  record: { id: string; name: string },
): string {
  if (presets.get(record.id) !== record.name) return record.name;
  const translated = (messages as Readonly<Record<string, unknown>>)[`${prefix}.${record.id}`];
  return typeof translated === 'string' ? translated : record.name;
}

/**
 * The name to show for a stage: the translation of a preset stage (default or
 * SuiteCRM) whose name is untouched, otherwise the name as the user typed it.
 */
export function stageName(messages: CommonMessages, stage: { id: string; name: string }): string {
  return presetName(messages, 'stage', PRESET_STAGE_NAMES, stage);
}

/**
 * The name to show for a lost reason: the translation of a default reason
 * whose name is untouched, otherwise the name as the user typed it.
 */
export function lostReasonName(messages: CommonMessages, reason: { id: string; name: string }): string {
  return presetName(messages, 'reason', DEFAULT_REASON_NAMES, reason);
}

/** The name of a deal status (`Open`, `Won`, `Lost`). */
export function statusName(messages: CommonMessages, status: DealStatus): string {
  return messages[`status.${status}`];
}

/** The name of a priority from 0 (low) to 3 (very high); other values are clamped into that range. */
export function priorityName(messages: CommonMessages, priority: number): string {
  const level = (Number.isFinite(priority) ? Math.min(3, Math.max(0, Math.round(priority))) : 0) as 0 | 1 | 2 | 3;
  return messages[`priority.${level}`];
}

/**
 * The user-facing text for anything a store or adapter threw: the text of its
 * `DealAdapterError` code, or a general "something went wrong" for anything
 * else (the developer message is for the console, not the user).
 */
export function errorText(messages: CommonMessages, error: unknown): string {
  return isDealAdapterError(error) ? messages[`error.${error.code}`] : messages['error.unknown'];
}
