/**
 * Pure analytics over deals: forecast buckets and their likely range, lost
 * analysis, stage win rates and time in stage, with the date and currency
 * helpers they rest on. No DOM, no storage: the elements and adapters call
 * these with the deals they hold.
 */
export * from './types.js';
export {
  FORECAST_PERIODS,
  MAX_HORIZON_PERIODS,
  addPeriods,
  boundaryIndex,
  horizon,
  isDay,
  periodBoundaries,
  periodKey,
  periodStart,
  utcDay,
  type PeriodRange,
} from './periods.js';
export { convert, rateFor, rateLookup, MissingRateTally } from './currency.js';
export { OVERDUE_KEY, type HorizonOptions } from './bucketing.js';
export { forecast } from './forecast.js';
export { forecastRange, SIMULATION_BUDGET, type ForecastRangeSettings } from './range.js';
export { lostAnalysis, NO_VALUE_KEY } from './lost.js';
export { stageWinRates, timeInStage } from './win-rates.js';
