import { describe, expect, it } from 'vitest';
import { categoryView, categoryViewSegment, listingViewSegment, parseCategoryViewSegment, parseSearchViewSegment, searchViewSegment } from './listing-views';

const segments = (path: string) => path.split('/');
const viewOf = (path: string, query: string) => listingViewSegment(segments(path), new URLSearchParams(query));

describe('category views', () => {
  it('leaves the plain first page on the category route, whatever defaults or strangers the query holds', () => {
    expect(viewOf('/en/c/shoes', '')).toBeNull();
    expect(viewOf('/en/c/shoes', 'sort=popular&page=1&utm_source=mail&min=abc')).toBeNull();
  });

  it('gives every other view one spelling', () => {
    expect(viewOf('/en/c/shoes', 'page=2')).toBe('page-2');
    expect(viewOf('/en/c/shoes', 'page=02&sort=popular')).toBe('page-2');
    expect(viewOf('/en/c/shoes', 'max=030.50&sort=price-asc&min=5&page=3')).toBe('sort-price-asc_min-5_max-30.5_page-3');
    expect(viewOf('/en/c/shoes', 'min=0.000')).toBe('min-0');
  });

  it('reads back exactly the segments it writes and refuses any other spelling', () => {
    for (const query of ['page=2', 'sort=newest', 'min=1.25&max=99', 'sort=price-desc&max=7&page=500']) {
      const segment = viewOf('/en/c/shoes', query)!;
      expect(parseCategoryViewSegment(segment), query).toEqual(categoryView(Object.fromEntries(new URLSearchParams(query))));
      expect(categoryViewSegment(parseCategoryViewSegment(segment)!)).toBe(segment);
    }
    for (const segment of ['page-1', 'page-02', 'sort-popular', 'page-2_sort-newest', 'min-05', 'page-2_page-3', 'x-1', 'page', 'page-9999', '', 'min-1.2345']) {
      expect(parseCategoryViewSegment(segment), segment).toBeNull();
    }
  });

  it('touches only category and search paths', () => {
    expect(viewOf('/en/p/shoes-1', 'page=2')).toBeNull();
    expect(viewOf('/en/c/shoes/extra', 'page=2')).toBeNull();
    expect(viewOf('/en/c', 'page=2')).toBeNull();
    expect(viewOf('/en/USD/c/shoes', 'page=2')).toBeNull();
  });
});

describe('search views', () => {
  it('caches words and a page, in any script', () => {
    for (const [query, q, page] of [
      ['q=dress', 'dress', 1],
      ['q=%20dress%20&page=3', 'dress', 3],
      ['q=连衣裙 夏', '连衣裙 夏', 1],
      ['q=a/b+c?d&page=2', 'a/b c?d', 2],
    ] as const) {
      const segment = viewOf('/en/search', query);
      expect(segment, query).toMatch(/^[A-Za-z0-9_-]+(\.\d+)?$/);
      expect(parseSearchViewSegment(segment!), query).toEqual({ q, page });
    }
    expect(viewOf('/en/search', 'q=dress&page=1')).toBe(viewOf('/en/search', 'q=dress'));
  });

  it('renders per request what needs a request: no words, a pasted link, words too long for a file name', () => {
    expect(viewOf('/en/search', '')).toBeNull();
    expect(viewOf('/en/search', 'q=%20%20')).toBeNull();
    expect(viewOf('/en/search', `q=${encodeURIComponent('https://detail.1688.com/offer/612345678901.html')}`)).toBeNull();
    expect(viewOf('/en/search', `q=${encodeURIComponent('【淘宝】https://m.tb.cn/h.5Xb3 「连衣裙」')}`)).toBeNull();
    expect(viewOf('/en/search', `q=${'连衣裙'.repeat(30)}`)).toBeNull();
    expect(searchViewSegment({ q: 'x'.repeat(100) })).not.toBeNull();
  });

  it('refuses segments it would not write', () => {
    const dress = searchViewSegment({ q: 'dress' })!;
    for (const segment of [`${dress}.1`, `${dress}.02`, `${dress}.2.3`, `${dress}=`, 'not base64!', '', '_w', searchViewSegment({ q: 'dress', page: '101' })!.replace('.100', '.101')]) {
      expect(parseSearchViewSegment(segment), segment).toBeNull();
    }
    // Invalid UTF-8 and surrounding spaces (the words are trimmed before they are encoded).
    expect(parseSearchViewSegment('_w')).toBeNull();
    expect(parseSearchViewSegment(btoa(' dress').replace(/=+$/, ''))).toBeNull();
  });
});
