/** Persian messages of `<deal-forecast-chart>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { ForecastChartMessages } from '../messages.js';

const fa = formatterFor('fa');

const messages: ForecastChartMessages = {
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
};

export default messages;
