/** Traditional Chinese messages of `<deal-forecast-chart>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { ForecastChartMessages } from '../messages.js';

const zhHant = formatterFor('zh-Hant');

const messages: ForecastChartMessages = {
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
};

export default messages;
