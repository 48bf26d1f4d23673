// Periods as summaries: ISO weeks (with their year edges and 53-week years), exact covers of a
// range by weeks and days, the previous period, and days in Europe/Amsterdam across DST changes.
import { describe, expect, it } from 'vitest';
import { addDays, dayOf, isoWeekOf, previousPeriod, summariesFor } from '../../lib/core/insights/plan';

describe('isoWeekOf', () => {
  it('gives a mid-year day its week, Monday and Sunday', () => {
    expect(isoWeekOf('2026-11-25')).toEqual({ id: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
  });
  it('puts a Monday and a Sunday in the same week', () => {
    expect(isoWeekOf('2026-11-23').id).toBe('2026-W48');
    expect(isoWeekOf('2026-11-29').id).toBe('2026-W48');
    expect(isoWeekOf('2026-11-30').id).toBe('2026-W49');
  });
  it('knows 2026 has a week 53 that runs into 2027', () => {
    expect(isoWeekOf('2026-12-31')).toEqual({ id: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeekOf('2027-01-03').id).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toEqual({ id: '2027-W01', from: '2027-01-04', to: '2027-01-10' });
  });
  it('puts late December in week 1 of the next year when that week’s Thursday is in January', () => {
    expect(isoWeekOf('2024-12-30').id).toBe('2025-W01');
    expect(isoWeekOf('2025-12-29').id).toBe('2026-W01');
  });
  it('puts early January in the previous year’s last week when that week’s Thursday is in December', () => {
    expect(isoWeekOf('2021-01-03').id).toBe('2020-W53');
    expect(isoWeekOf('2023-01-01').id).toBe('2022-W52');
  });
  it('crosses a leap day', () => {
    expect(isoWeekOf('2028-02-29')).toEqual({ id: '2028-W09', from: '2028-02-28', to: '2028-03-05' });
  });
});

/** Every day a cover stands for, weeks expanded. */
function expand(cover: { weeks: string[]; days: string[] }): string[] {
  const out = [...cover.days];
  for (const week of cover.weeks) {
    // The week's days: those isoWeekOf puts in it, searched around its year.
    const year = Number(week.slice(0, 4));
    for (let d = `${year - 1}-12-20`; d <= `${year + 1}-01-10`; d = addDays(d, 1)) if (isoWeekOf(d).id === week) out.push(d);
  }
  return out.sort();
}

function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('summariesFor', () => {
  it('reads whole ISO weeks as weeks and the edges as days', () => {
    expect(summariesFor('2026-11-18', '2026-12-09')).toEqual({
      weeks: ['2026-W48', '2026-W49'],
      days: ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-12-07', '2026-12-08', '2026-12-09'],
    });
  });
  it('reads a range shorter than a week as days', () => {
    expect(summariesFor('2026-11-24', '2026-11-26')).toEqual({ weeks: [], days: ['2026-11-24', '2026-11-25', '2026-11-26'] });
  });
  it('reads exactly one Monday-to-Sunday as one week', () => {
    expect(summariesFor('2026-11-23', '2026-11-29')).toEqual({ weeks: ['2026-W48'], days: [] });
  });
  it('reads week 53 across the year boundary as one week', () => {
    expect(summariesFor('2026-12-28', '2027-01-03')).toEqual({ weeks: ['2026-W53'], days: [] });
  });
  it('covers a range exactly: every day once, none outside', () => {
    for (const [from, to] of [
      ['2026-12-01', '2027-02-14'],
      ['2026-03-25', '2026-04-02'],
      ['2027-01-01', '2027-01-01'],
    ] as const) {
      expect(expand(summariesFor(from, to))).toEqual(daysFrom(from, to));
    }
  });
  it('is empty for a range that ends before it starts', () => {
    expect(summariesFor('2026-11-10', '2026-11-09')).toEqual({ weeks: [], days: [] });
  });
});

describe('previousPeriod', () => {
  it('is the same number of days just before', () => {
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
  });
  it('crosses a year boundary', () => {
    expect(previousPeriod('2027-01-01', '2027-01-07')).toEqual({ from: '2026-12-25', to: '2026-12-31' });
  });
  it('lands on a leap day for a one-day period', () => {
    expect(previousPeriod('2028-03-01', '2028-03-01')).toEqual({ from: '2028-02-29', to: '2028-02-29' });
  });
});

describe('dayOf (Europe/Amsterdam)', () => {
  it('puts 23:30 UTC in winter on the next day (UTC+1)', () => {
    expect(dayOf(Date.parse('2026-01-15T23:30:00Z'))).toBe('2026-01-16');
    expect(dayOf(Date.parse('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
  });
  it('puts 22:00 UTC in summer on the next day (UTC+2)', () => {
    expect(dayOf(Date.parse('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(dayOf(Date.parse('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
  it('follows the spring change: the day of the change ends at 22:00 UTC', () => {
    expect(dayOf(Date.parse('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(dayOf(Date.parse('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(dayOf(Date.parse('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });
  it('follows the autumn change: the day of the change ends at 23:00 UTC', () => {
    expect(dayOf(Date.parse('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(dayOf(Date.parse('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
    expect(dayOf(Date.parse('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
  it('puts new year’s midnight in Amsterdam in the new year', () => {
    expect(dayOf(Date.parse('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
