/**
 * Texts of `<deal-forecast-chart>`. Stage names, "Won", "Overdue", the empty
 * states and the table toggle come from the common messages; terms follow
 * them (商机 / 商機 / فرصت, 成交 / برد, 预计关闭日期 / 預計結案日期).
 */
import { formatterFor } from '../../i18n/format.js';
import { defineMessages } from '../../i18n/messages.js';

const en = formatterFor('en');
const zhHans = formatterFor('zh-Hans');
const zhHant = formatterFor('zh-Hant');
const fa = formatterFor('fa');

interface OutsideCounts {
  undated: number;
  beyond: number;
}

export const forecastChartMessages = defineMessages({
  en: {
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
  },

  'zh-Hans': {
    'chart.caption': '销售预测',
    'chart.period': '期间',
    'chart.total': '合计',
    'chart.unweightedTotal': '合计(未加权)',
    'chart.target': '目标',
    'chart.cumulative': '累计合计',
    'chart.cumulativeTarget': '累计目标',
    'chart.legend': '显示的系列',
    'chart.periods': '期间(选择一个期间以筛选商机)',
    'chart.noOwner': '无销售人员',
    'chart.weighted': '加权',
    'chart.unweighted': '未加权',
    'chart.periodLabel': (p) => `${p.period}:${p.total}`,
    'chart.summary': (p) => `销售预测(${p.mode}),${p.first}至${p.last}:合计${p.total}。最大期间:${p.biggest},${p.biggestValue}。`,
    'chart.summaryEmpty': (p) => `销售预测(${p.mode}),${p.first}至${p.last}:没有预期收入。`,
    'tooltip.overdue': (p) => `预计关闭日期早于${p.date}的进行中商机`,
    'tooltip.unweighted': (p) => `未加权:${p.value}`,
    'tooltip.target': (p) => `目标:${p.value}`,
    'tooltip.cumulative': (p) => `累计:${p.value}`,
    'tooltip.cumulativeOfTarget': (p) => `累计:${p.value} / 目标 ${p.target}`,
    'tooltip.range': (p) => `可能范围(P10–P90):${p.low} – ${p.high}`,
    'tooltip.rangeHelp': `${zhHans.percent(80)} 的模拟结果落在此范围内:每个进行中的商机按其概率成交或不成交。`,
    'note.outside': (p) => {
      const parts: string[] = [];
      if (p.undated > 0) parts.push(`${zhHans.number(p.undated)}个商机没有日期`);
      if (p.beyond > 0) parts.push(`${zhHans.number(p.beyond)}个商机超出预测期间`);
      return `${parts.join(',')}:未显示`;
    },
    'note.missingRate': (p) => `没有${p.currency}的汇率:${zhHans.number(p.count)}个商机未计入`,
    'empty.horizon': (p) => `${p.first}至${p.last}期间没有进行中或已成交的商机。`,
  },

  'zh-Hant': {
    'chart.caption': '銷售預測',
    'chart.period': '期間',
    'chart.total': '合計',
    'chart.unweightedTotal': '合計(未加權)',
    'chart.target': '目標',
    'chart.cumulative': '累計合計',
    'chart.cumulativeTarget': '累計目標',
    'chart.legend': '顯示的系列',
    'chart.periods': '期間(選擇一個期間以篩選商機)',
    'chart.noOwner': '無銷售人員',
    'chart.weighted': '加權',
    'chart.unweighted': '未加權',
    'chart.periodLabel': (p) => `${p.period}:${p.total}`,
    'chart.summary': (p) => `銷售預測(${p.mode}),${p.first}至${p.last}:合計${p.total}。最大期間:${p.biggest},${p.biggestValue}。`,
    'chart.summaryEmpty': (p) => `銷售預測(${p.mode}),${p.first}至${p.last}:沒有預期收入。`,
    'tooltip.overdue': (p) => `預計結案日期早於${p.date}的進行中商機`,
    'tooltip.unweighted': (p) => `未加權:${p.value}`,
    'tooltip.target': (p) => `目標:${p.value}`,
    'tooltip.cumulative': (p) => `累計:${p.value}`,
    'tooltip.cumulativeOfTarget': (p) => `累計:${p.value} / 目標 ${p.target}`,
    'tooltip.range': (p) => `可能範圍(P10–P90):${p.low} – ${p.high}`,
    'tooltip.rangeHelp': `${zhHant.percent(80)} 的模擬結果落在此範圍內:每個進行中的商機依其機率成交或不成交。`,
    'note.outside': (p) => {
      const parts: string[] = [];
      if (p.undated > 0) parts.push(`${zhHant.number(p.undated)}個商機沒有日期`);
      if (p.beyond > 0) parts.push(`${zhHant.number(p.beyond)}個商機超出預測期間`);
      return `${parts.join(',')}:未顯示`;
    },
    'note.missingRate': (p) => `沒有${p.currency}的匯率:${zhHant.number(p.count)}個商機未計入`,
    'empty.horizon': (p) => `${p.first}至${p.last}期間沒有進行中或已成交的商機。`,
  },

  fa: {
    'chart.caption': 'پیش‌بینی فروش',
    'chart.period': 'دوره',
    'chart.total': 'جمع',
    'chart.unweightedTotal': 'جمع بدون وزن',
    'chart.target': 'هدف',
    'chart.cumulative': 'جمع تجمعی',
    'chart.cumulativeTarget': 'هدف تجمعی',
    'chart.legend': 'سری‌های نمایش‌داده‌شده',
    'chart.periods': 'دوره‌ها (برای فیلتر کردن فرصت‌ها یکی را انتخاب کنید)',
    'chart.noOwner': 'بدون فروشنده',
    'chart.weighted': 'وزنی',
    'chart.unweighted': 'بدون وزن',
    'chart.periodLabel': (p) => `${p.period}: ${p.total}`,
    'chart.summary': (p) =>
      `پیش‌بینی فروش (${p.mode})، از ${p.first} تا ${p.last}: جمع ${p.total}. بزرگ‌ترین دوره: ${p.biggest}، ${p.biggestValue}.`,
    'chart.summaryEmpty': (p) => `پیش‌بینی فروش (${p.mode})، از ${p.first} تا ${p.last}: درآمدی پیش‌بینی نمی‌شود.`,
    'tooltip.overdue': (p) => `فرصت‌های بازی که تاریخ اتمام مورد انتظارشان پیش از ${p.date} است`,
    'tooltip.unweighted': (p) => `بدون وزن: ${p.value}`,
    'tooltip.target': (p) => `هدف: ${p.value}`,
    'tooltip.cumulative': (p) => `تجمعی: ${p.value}`,
    'tooltip.cumulativeOfTarget': (p) => `تجمعی: ${p.value} از ${p.target}`,
    'tooltip.range': (p) => `بازهٔ محتمل (P10–P90): ${p.low} تا ${p.high}`,
    'tooltip.rangeHelp': `${fa.percent(80)} نتایج شبیه‌سازی در این بازه قرار می‌گیرند: هر فرصت باز به اندازهٔ احتمالش برد می‌شود یا نمی‌شود.`,
    'note.outside': (p) => {
      const parts: string[] = [];
      if (p.undated > 0) parts.push(`${fa.number(p.undated)} فرصت بدون تاریخ`);
      if (p.beyond > 0) parts.push(`${fa.number(p.beyond)} فرصت پس از بازهٔ پیش‌بینی`);
      return `${parts.join('، ')}: نمایش داده نشده‌اند`;
    },
    'note.missingRate': (p) => `نرخ تبدیل ${p.currency} موجود نیست: ${fa.number(p.count)} فرصت حساب نشد`,
    'empty.horizon': (p) => `هیچ فرصت باز یا بردی از ${p.first} تا ${p.last} بسته نمی‌شود.`,
  },
});

export type ForecastChartMessages = (typeof forecastChartMessages)['en'];
