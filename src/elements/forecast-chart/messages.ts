/**
 * Texts of `<deal-forecast-chart>`. Stage names, "Won", "Overdue", the empty
 * states and the table toggle come from the common messages; terms follow
 * them (商机 / 商機 / فرصت, 成交 / برد, 预计关闭日期 / 預計結案日期).
 */
import { formatterFor } from '../../i18n/format.js';
import { defineMessages } from '../../i18n/messages.js';

const en = formatterFor('en');

/** What `note.outside` counts. Exported because the messages' type, which declarations name, uses it. */
export interface OutsideCounts {
  undated: number;
  beyond: number;
}

/** The English messages. They set the keys and parameter types that every locale file must match. */
const english = {
  'chart.caption': 'Forecast',
  'chart.period': 'Period',
  'chart.total': 'Total',
  'chart.unweightedTotal': 'Total, unweighted',
  'chart.target': 'Target',
  'chart.cumulative': 'Cumulative total',
  'chart.cumulativeTarget': 'Cumulative target',
  'chart.legend': 'Series shown',
  'chart.periods': 'Periods (select one to filter the deals)',
  'chart.noOwner': 'No salesperson',
  'chart.weighted': 'weighted',
  'chart.unweighted': 'unweighted',
  'chart.periodLabel': (p: { period: string; total: string }) => `${p.period}: ${p.total}`,
  'chart.summary': (p: { mode: string; first: string; last: string; total: string; biggest: string; biggestValue: string }) =>
    `Forecast, ${p.mode}, ${p.first} to ${p.last}: ${p.total} in total. Biggest period: ${p.biggest}, ${p.biggestValue}.`,
  'chart.summaryEmpty': (p: { mode: string; first: string; last: string }) =>
    `Forecast, ${p.mode}, ${p.first} to ${p.last}: nothing expected.`,
  'tooltip.overdue': (p: { date: string }) => `Open deals expected to close before ${p.date}`,
  'tooltip.unweighted': (p: { value: string }) => `Unweighted: ${p.value}`,
  'tooltip.target': (p: { value: string }) => `Target: ${p.value}`,
  'tooltip.cumulative': (p: { value: string }) => `Cumulative: ${p.value}`,
  'tooltip.cumulativeOfTarget': (p: { value: string; target: string }) => `Cumulative: ${p.value} of ${p.target}`,
  'tooltip.range': (p: { low: string; high: string }) => `Likely range (P10–P90): ${p.low} – ${p.high}`,
  'tooltip.rangeHelp': `${en.percent(80)} of simulated outcomes fall in this range: each open deal closes or not by its probability.`,
  'note.outside': (p: OutsideCounts) => {
    const parts: string[] = [];
    if (p.undated > 0) parts.push(en.plural(p.undated, { one: '# deal without a date', other: '# deals without a date' }));
    if (p.beyond > 0) {
      parts.push(
        parts.length > 0
          ? `${en.number(p.beyond)} beyond the horizon`
          : en.plural(p.beyond, { one: '# deal beyond the horizon', other: '# deals beyond the horizon' }),
      );
    }
    return `${parts.join(', ')}: not shown`;
  },
  'note.missingRate': (p: { currency: string; count: number }) =>
    `No rate for ${p.currency}: ${en.plural(p.count, { one: '# deal', other: '# deals' })} not counted`,
  'empty.horizon': (p: { first: string; last: string }) => `No open or won deals close between ${p.first} and ${p.last}.`,
};

/** The type of the `<deal-forecast-chart>` messages in one locale; each locale file (`messages/<locale>.ts`) gives its messages this type. */
export type ForecastChartMessages = typeof english;

export const forecastChartMessages = defineMessages({
  en: english,
  'zh-Hans': () => import('./messages/zh-Hans.js'),
  'zh-Hant': () => import('./messages/zh-Hant.js'),
  fa: () => import('./messages/fa.js'),
});

