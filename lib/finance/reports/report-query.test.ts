import { describe, expect, it } from 'vitest';
import { parseDrillQuery, parseReportQuery, reportSearch, SHIPPING } from './report-query';

const now = new Date('2026-11-15T12:00:00Z');

describe('report query', () => {
  it('takes every category, one category, goods of no category, or shipping', () => {
    expect(parseReportQuery({ from: '2026-11-01', to: '2026-11-30' }, now)?.category).toBeNull();
    expect(parseReportQuery({ category: '12' }, now)?.category).toBe(12);
    expect(parseReportQuery({ category: '0' }, now)?.category).toBe(0);
    expect(parseReportQuery({ category: 'shipping' }, now)?.category).toBe(SHIPPING);
    expect(parseReportQuery({ category: '' }, now)?.category).toBeNull();
  });

  it('refuses any other category', () => {
    expect(parseReportQuery({ category: 'Shipping' }, now)).toBeNull();
    expect(parseReportQuery({ category: '-1' }, now)).toBeNull();
    expect(parseReportQuery({ category: 'parcels' }, now)).toBeNull();
  });

  it('keeps shipping through the URL of a figure and its rows', () => {
    const query = parseReportQuery({ from: '2026-11-01', to: '2026-11-30', grain: 'week', category: 'shipping', currency: 'eur' }, now)!;
    const search = reportSearch(query, { period: '2026-11-02', measure: 'refunds' });
    expect(search).toContain('category=shipping');
    expect(parseDrillQuery(new URLSearchParams(search), now)).toMatchObject({ category: SHIPPING, measure: 'refunds', period: '2026-11-02', currency: 'EUR' });
  });
});
