/** Simplified Chinese messages of `<deal-forecast-chart>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { ForecastChartMessages } from '../messages.js';

const zhHans = formatterFor('zh-Hans');

const messages: ForecastChartMessages = {
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
};

export default messages;
