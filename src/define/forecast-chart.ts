import { DealForecastChart } from '../elements/forecast-chart/forecast-chart.js';
import { defineElement } from '../internal/define.js';

defineElement('deal-forecast-chart', DealForecastChart);

export { DealForecastChart };
export { DealForecastSelectEvent, type DealForecastSelectDetail } from '../events/deal-forecast-select.js';
