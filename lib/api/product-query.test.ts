import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseProductQuery } from './product-query';

const parse = (query: string) => parseProductQuery(new URLSearchParams(query));

describe('parseProductQuery', () => {
  it('defaults to page 1 of 20 without a query', () => {
    expect(parse('')).toEqual({ q: undefined, page: 1, pageSize: 20 });
    expect(parse('q=%20%20')).toEqual({ q: undefined, page: 1, pageSize: 20 });
  });

  it('reads q, page and pageSize', () => {
    expect(parse('q=phone%20case&page=3&pageSize=100')).toEqual({ q: 'phone case', page: 3, pageSize: 100 });
    expect(parse('pageSize=1')).toMatchObject({ pageSize: 1 });
  });

  it.each(['page=0', 'page=-1', 'page=1.5', 'page=abc', 'page=', 'pageSize=0', 'pageSize=101', 'pageSize=2e1', `q=${'x'.repeat(201)}`])(
    'rejects %s with 400',
    (query) => {
      try {
        parse(query);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
      }
    },
  );
});
