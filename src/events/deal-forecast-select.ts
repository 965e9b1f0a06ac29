export interface DealForecastSelectDetail {
  /** The bucket: `overdue`, or the first day of the period (`YYYY-MM-DD`). */
  key: string;
  /** First day of the period; null for the overdue bucket. */
  start: string | null;
  /** First day after the period (exclusive); for the overdue bucket, the start of the horizon. */
  end: string;
  /** True when the period is being selected, false when the selection is being cleared. */
  selected: boolean;
}

/**
 * A forecast period was clicked or activated with Enter/Space: the chart is
 * about to narrow the shared filter to that period's close dates (`selected`
 * true), or to clear that narrowing (`selected` false). Cancel it to leave
 * the shared filter as it is.
 */
export class DealForecastSelectEvent extends Event {
  static readonly type = 'deal-forecast-select';
  readonly detail: DealForecastSelectDetail;

  constructor(detail: DealForecastSelectDetail) {
    super(DealForecastSelectEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'deal-forecast-select': DealForecastSelectEvent;
  }
}
