import { describe, expect, it } from 'vitest';
import { listQuery } from './list-query';

const views = ['expected', 'late'] as const;

describe('listQuery', () => {
  it('reads a known view and a page', () => {
    expect(listQuery({ view: 'late', page: '3' }, views, 'expected')).toEqual({ view: 'late', page: 3 });
    expect(listQuery({ view: ['late', 'expected'], page: ['2', '9'] }, views, 'expected')).toEqual({ view: 'late', page: 2 });
  });

  it('falls back on an unknown view and keeps the page within 1 to 100,000', () => {
    expect(listQuery({}, views, 'expected')).toEqual({ view: 'expected', page: 1 });
    expect(listQuery({ view: '<script>', page: '-4' }, views, 'expected')).toEqual({ view: 'expected', page: 1 });
    expect(listQuery({ page: 'abc' }, views, 'expected').page).toBe(1);
    expect(listQuery({ page: '99999999' }, views, 'expected').page).toBe(100_000);
  });
});
