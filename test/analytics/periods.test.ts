import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { utcMonday, utcMonth } from 'd3';
import {
  addPeriods,
  boundaryIndex,
  horizon,
  isDay,
  periodBoundaries,
  periodKey,
  periodStart,
  utcDay,
} from '../../src/analytics/index.js';
import { DayLocator } from '../../src/analytics/periods.js';
import { DealAdapterError } from '../../src/adapters/errors.js';

const DAY_MS = 86_400_000;
const dayOfMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** Any day from 1970 to 2100. */
const anyDay = fc.integer({ min: 0, max: 47_846 }).map((n) => dayOfMs(n * DAY_MS));
const anyPeriod = fc.constantFrom('week' as const, 'month' as const, 'quarter' as const);

function expectValidationError(run: () => unknown, field: string): void {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(DealAdapterError);
    expect((error as DealAdapterError).code).to.equal('validation');
    expect((error as DealAdapterError).fieldErrors).to.have.property(field);
    return;
  }
  expect.fail('expected a validation error');
}

describe('analytics/periods', () => {
  it('starts weeks on Monday, across year ends and leap days', () => {
    expect(periodStart('2026-03-16', 'week')).to.equal('2026-03-16'); // a Monday
    expect(periodStart('2026-03-15', 'week')).to.equal('2026-03-09'); // a Sunday
    expect(periodStart('2026-01-01', 'week')).to.equal('2025-12-29');
    expect(periodStart('2024-03-01', 'week')).to.equal('2024-02-26');
  });

  it('starts months on the 1st and quarters in January, April, July and October', () => {
    expect(periodStart('2024-02-29', 'month')).to.equal('2024-02-01');
    expect(periodStart('2024-12-31', 'month')).to.equal('2024-12-01');
    expect(periodStart('2024-12-31', 'quarter')).to.equal('2024-10-01');
    expect(periodStart('2025-01-01', 'quarter')).to.equal('2025-01-01');
    expect(periodStart('2025-06-30', 'quarter')).to.equal('2025-04-01');
    expect(periodStart('2025-08-15', 'quarter')).to.equal('2025-07-01');
  });

  it('adds periods from the period containing a day, forwards and backwards', () => {
    expect(addPeriods('2024-01-31', 'month', 1)).to.equal('2024-02-01');
    expect(addPeriods('2024-02-10', 'month', 12)).to.equal('2025-02-01');
    expect(addPeriods('2024-11-15', 'quarter', 1)).to.equal('2025-01-01');
    expect(addPeriods('2024-11-15', 'quarter', -1)).to.equal('2024-07-01');
    expect(addPeriods('2024-12-30', 'week', 1)).to.equal('2025-01-06');
    expect(addPeriods('2024-02-26', 'week', 1)).to.equal('2024-03-04');
    expect(addPeriods('2024-03-06', 'week', 0)).to.equal('2024-03-04');
  });

  it('names ISO weeks by the year of their Thursday, including week 53', () => {
    expect(periodKey('2020-12-31', 'week')).to.equal('2020-W53');
    expect(periodKey('2021-01-03', 'week')).to.equal('2020-W53');
    expect(periodKey('2021-01-04', 'week')).to.equal('2021-W01');
    expect(periodKey('2024-12-30', 'week')).to.equal('2025-W01');
    expect(periodKey('2026-01-01', 'week')).to.equal('2026-W01');
    expect(periodKey('2027-01-01', 'week')).to.equal('2026-W53');
    expect(periodKey('2024-02-29', 'month')).to.equal('2024-02');
    expect(periodKey('2024-08-01', 'quarter')).to.equal('2024-Q3');
  });

  it('lays out a horizon of consecutive periods across a year end', () => {
    expect(horizon('2024-11-20', 'month', 3)).to.deep.equal([
      { start: '2024-11-01', end: '2024-12-01' },
      { start: '2024-12-01', end: '2025-01-01' },
      { start: '2025-01-01', end: '2025-02-01' },
    ]);
    expect(horizon('2020-12-30', 'week', 2)).to.deep.equal([
      { start: '2020-12-28', end: '2021-01-04' },
      { start: '2021-01-04', end: '2021-01-11' },
    ]);
    expect(horizon('2024-02-29', 'quarter', 1)).to.deep.equal([{ start: '2024-01-01', end: '2024-04-01' }]);
  });

  it('finds the period of a day by binary search', () => {
    const bounds = periodBoundaries('2026-01-10', 'month', 3); // Jan, Feb, Mar
    expect(bounds).to.deep.equal(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    expect(boundaryIndex(bounds, '2025-12-31')).to.equal(-1);
    expect(boundaryIndex(bounds, '2026-01-01')).to.equal(0);
    expect(boundaryIndex(bounds, '2026-02-28')).to.equal(1);
    expect(boundaryIndex(bounds, '2026-03-31')).to.equal(2);
    expect(boundaryIndex(bounds, '2026-04-01')).to.equal(3);
  });

  it('locates days without a search exactly where the binary search does', () => {
    const probes = [
      '2025-11-30', '2025-12-01', '2025-12-31', '2026-01-01', '2026-02-28', '2026-02-30', '2026-02-31', '2026-03-31', '2026-04-01',
      '2031-01-01', '2026-01-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z',
      // Not days, and not ordered like days: found by the search, as before.
      '2026-00-05', '2026-00-31', '2026-01-00', '2026-01-32', '2025-12-32', '2025-13-01', '2026-02-99', '2026-0a-15',
      '2026/02/15', '2026x01-15', '2026-01x15', '2026-02', '', 'soon', '9999-12-31', '0000-01-01',
    ];
    for (const bounds of [periodBoundaries('2026-01-10', 'month', 3), periodBoundaries('2025-12-01', 'week', 10)]) {
      const days = new DayLocator(bounds);
      expect(days.periodCount).to.equal(bounds.length - 1);
      for (const day of probes) expect(days.locate(day), `${day} in ${bounds[0]} ...`).to.equal(boundaryIndex(bounds, day));
    }
  });

  it('locates any string as the binary search does, for every kind of period', () => {
    const digit = fc.constantFrom(...'0123456789');
    const twoDigits = fc.tuple(digit, digit).map(([a, b]) => a + b);
    const month = fc.oneof(twoDigits, fc.constantFrom('00', '01', '02', '03', '12', '13'));
    const day = fc.oneof(twoDigits, fc.constantFrom('00', '01', '28', '29', '30', '31', '32', '99'));
    // Mostly day-shaped strings near the horizon, with impossible months and days, tails and stray characters.
    const dayLike = fc
      .tuple(fc.constantFrom('2024', '2025', '2026', '2027', '1999'), month, day, fc.constantFrom('', 'T12:00:00.000Z', 'x'))
      .map(([year, month, day, tail]) => `${year}-${month}-${day}${tail}`);
    const anyText = fc.oneof(dayLike, anyDay, fc.string({ maxLength: 12 }));
    // Horizons mostly over those years, so the odd strings fall around their bounds.
    const nearFrom = fc.integer({ min: 19_700, max: 21_200 }).map((n) => dayOfMs(n * DAY_MS));
    fc.assert(
      fc.property(fc.oneof(nearFrom, anyDay), anyPeriod, fc.integer({ min: 1, max: 60 }), fc.array(anyText, { maxLength: 40 }), (from, period, periods, texts) => {
        const bounds = periodBoundaries(from, period, periods);
        const days = new DayLocator(bounds);
        for (const text of [...texts, ...bounds]) expect(days.locate(text), text).to.equal(boundaryIndex(bounds, text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses period boundaries that are not ascending days', () => {
    expectValidationError(() => new DayLocator([]), 'bounds');
    expectValidationError(() => new DayLocator(['2026-02-01', '2026-01-01']), 'bounds');
    expectValidationError(() => new DayLocator(['2026-01-01', '2026-01-01']), 'bounds');
    expectValidationError(() => new DayLocator(['2026-01-01', 'soon']), 'bounds');
  });

  it('reads the UTC day of instants written with an offset', () => {
    expect(utcDay('2026-03-01T10:00:00.000Z')).to.equal('2026-03-01');
    expect(utcDay('2026-03-01T01:00:00+02:00')).to.equal('2026-02-28');
    expect(utcDay('2024-02-28T23:30:00-01:00')).to.equal('2024-02-29');
  });

  it('refuses days that do not exist and bad horizons with a validation error', () => {
    expect(isDay('2024-02-29')).to.equal(true);
    expect(isDay('2023-02-29')).to.equal(false);
    expect(isDay('2023-13-01')).to.equal(false);
    expect(isDay('2023-1-01')).to.equal(false);
    expectValidationError(() => periodStart('2023-02-29', 'week'), 'date');
    expectValidationError(() => horizon('2026-01-01', 'month', 0), 'periods');
    expectValidationError(() => horizon('2026-01-01', 'month', 1.5), 'periods');
    expectValidationError(() => horizon('2026-01-01', 'month', 1001), 'periods');
    expectValidationError(() => horizon('soon', 'month', 1), 'from');
    expectValidationError(() => horizon('2026-01-01', 'day' as never, 1), 'period');
    expectValidationError(() => addPeriods('2026-01-01', 'month', 0.5), 'periods');
    expectValidationError(() => utcDay('yesterday'), 'closedAt');
  });

  it('agrees with d3-time on week, month and quarter starts', () => {
    const utcQuarter = utcMonth.every(3)!;
    fc.assert(
      fc.property(anyDay, (day) => {
        const date = new Date(`${day}T00:00:00Z`);
        expect(periodStart(day, 'week')).to.equal(dayOfMs(utcMonday.floor(date).getTime()));
        expect(periodStart(day, 'month')).to.equal(dayOfMs(utcMonth.floor(date).getTime()));
        expect(periodStart(day, 'quarter')).to.equal(dayOfMs(utcQuarter.floor(date).getTime()));
      }),
    );
  });

  it('puts every day in exactly one period of a horizon that contains it', () => {
    fc.assert(
      fc.property(anyDay, anyPeriod, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 400 }), (from, period, periods, offset) => {
        const ranges = horizon(from, period, periods);
        expect(ranges[0]!.start <= from && from < ranges[0]!.end).to.equal(true);
        for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.start).to.equal(ranges[i - 1]!.end);
        for (const range of ranges) {
          expect(periodStart(range.start, period)).to.equal(range.start);
          if (period === 'quarter') expect(['01', '04', '07', '10']).to.include(range.start.slice(5, 7));
        }
        const day = dayOfMs(Date.parse(`${ranges[0]!.start}T00:00:00Z`) + offset * DAY_MS);
        const containing = ranges.filter((range) => range.start <= day && day < range.end);
        const inside = day < ranges[ranges.length - 1]!.end;
        expect(containing.length).to.equal(inside ? 1 : 0);
        if (inside) expect(containing[0]!.start).to.equal(periodStart(day, period));
      }),
    );
  });
});
