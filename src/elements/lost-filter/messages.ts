/**
 * Messages of `<deal-lost-filter>`. Terms follow src/i18n/common.ts: 丢失 /
 * 丢失原因 / 恢复 (Simplified), 流失 / 流失原因 / 恢復 (Traditional),
 * از دست رفته / دلیل از دست رفتن / بازگردانی (Persian); "filter" and
 * "group by" as in the Odoo guides (筛选 / 分组方式, 篩選 / 分組方式).
 */
import { formatterFor } from '../../i18n/format.js';
import { defineMessages } from '../../i18n/messages.js';

const en = formatterFor('en');

/** The English messages. They set the keys and parameter types that every locale file must match. */
const english = {
  'filter.label': 'Filter deals',
  'filter.statuses': 'Show deals that are',
  'filter.lastStatus': 'At least one status stays shown.',
  'filter.search': 'Search deals',
  'filter.searchPlaceholder': 'Title, company or contact',
  'filter.stageHint': 'Lost deals count in the stage where they were lost.',
  'filter.lostDate': 'Lost date',
  'filter.noOwners': 'No salespeople yet.',
  'filter.noReasons': 'No lost reasons yet.',
  'filter.archived': (p: { name: string }) => `${p.name} (archived)`,
  'filter.count': (p: { count: number }) => en.plural(p.count, { one: '# deal', other: '# deals' }),

  'range.any': 'Any time',
  'range.this-month': 'This month',
  'range.last-month': 'Last month',
  'range.next-month': 'Next month',
  'range.this-quarter': 'This quarter',
  'range.this-year': 'This year',
  'range.custom': 'Custom range',
  'range.from': 'From',
  'range.to': 'To',

  'chips.label': 'Active filters',
  'chip.field': (p: { field: string; value: string }) => `${p.field}: ${p.value}`,
  'chip.search': (p: { text: string }) => `Search: “${p.text}”`,
  'chip.between': (p: { from: string; to: string }) => `${p.from} – ${p.to}`,
  'chip.from': (p: { date: string }) => `from ${p.date}`,
  'chip.until': (p: { date: string }) => `until ${p.date}`,
  'chip.remove': (p: { label: string }) => `Remove filter ${p.label}`,
  'chip.none': 'No filters beyond open and won deals.',

  'analysis.title': 'Why deals are lost',
  'analysis.groupBy': 'Group by',
  'analysis.scope': 'Lost deals that match the other filters, whether or not Lost is shown.',
  'analysis.total': (p: { count: number; amount: string }) =>
    en.plural(p.count, { one: '# deal lost', other: '# deals lost' }) + `, ${p.amount}`,
  'analysis.empty': 'No lost deals match these filters.',
  'analysis.missingRates': (p: { count: number; currencies: string }) =>
    en.plural(p.count, {
      one: `# deal in ${p.currencies} has no exchange rate; its amount is left out of the totals.`,
      other: `# deals in ${p.currencies} have no exchange rate; their amounts are left out of the totals.`,
    }),
  'analysis.error': 'The lost analysis could not be computed.',
  'analysis.choose': 'Choose a group to show its lost deals; choose it again to remove that filter.',
  'groupBy.reason': 'Lost reason',
  'groupBy.stage': 'Stage',
  'groupBy.owner': 'Salesperson',
  'groupBy.month': 'Month',
  'group.noReason': 'No reason',
  'group.noOwner': 'No salesperson',

  'list.show': 'Show list',
  'list.hide': 'Hide list',
  'list.label': 'Matching deals',
  'list.select': 'Select',
  'list.selectAll': (p: { count: number }) => en.plural(p.count, { one: 'Select the # deal', other: 'Select all # deals' }),
  'list.selectDeal': (p: { title: string }) => `Select ${p.title}`,
  'list.selected': (p: { count: number }) => `${en.number(p.count)} selected`,
  'list.lostOn': 'Lost on',
  'list.empty': 'No deals match the current filter.',
  'bulk.label': 'Selected deals',
  'bulk.restore': (p: { count: number }) => `Restore (${en.number(p.count)})`,
  'bulk.markLost': (p: { count: number }) => `Mark as lost (${en.number(p.count)})`,
  'bulk.dialogMissing': 'The lost-reason dialog is not available on this page.',

  'confirm.title': 'Restore lost deals',
  'confirm.body': (p: { count: number }) =>
    en.plural(p.count, {
      one: 'Restore # lost deal? It goes back to the stage where it was lost, with the probability it had before.',
      other: 'Restore # lost deals? Each goes back to the stage where it was lost, with the probability it had before.',
    }),
  'confirm.history': 'Their lost reasons and closing notes stay in each deal’s history.',
  'confirm.restore': (p: { count: number }) => en.plural(p.count, { one: 'Restore # deal', other: 'Restore # deals' }),

  'announce.restored': (p: { count: number }) => en.plural(p.count, { one: '# deal restored.', other: '# deals restored.' }),
  'announce.markedLost': (p: { count: number }) => en.plural(p.count, { one: '# deal marked as lost.', other: '# deals marked as lost.' }),
};

/** The type of the `<deal-lost-filter>` messages in one locale; each locale file (`messages/<locale>.ts`) gives its messages this type. */
export type LostFilterMessages = typeof english;

export const lostFilterMessages = defineMessages({
  en: english,
  'zh-Hans': () => import('./messages/zh-Hans.js'),
  'zh-Hant': () => import('./messages/zh-Hant.js'),
  fa: () => import('./messages/fa.js'),
});

