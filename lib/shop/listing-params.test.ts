import { describe, expect, it } from 'vitest';
import { listingQuery, parseListingParams, parseSearchParams } from './listing-params';

describe('listing and search parameters', () => {
  it('falls back to defaults for anything malformed', () => {
    expect(parseListingParams({ sort: 'cheapest', page: '-3', min: ['5', '6'] })).toEqual({ sort: 'popular', page: 1, min: '5', max: undefined });
    expect(parseListingParams({ sort: 'price-desc', page: '4' })).toMatchObject({ sort: 'price-desc', page: 4 });
  });

  it('trims search words and bounds the page', () => {
    expect(parseSearchParams({ q: '  连衣裙 ', page: '3' })).toEqual({ q: '连衣裙', page: 3 });
    expect(parseSearchParams({ q: 'x'.repeat(300), page: '999' })).toEqual({ q: 'x'.repeat(200), page: 100 });
    expect(parseSearchParams({ page: 'abc' })).toEqual({ q: '', page: 1 });
  });

  it('writes only the non-default parameters back', () => {
    expect(listingQuery({ sort: 'popular', page: 1 })).toBe('');
    expect(listingQuery({ sort: 'newest', page: 1, min: '5' }, { page: 2 })).toBe('?sort=newest&min=5&page=2');
  });
});
