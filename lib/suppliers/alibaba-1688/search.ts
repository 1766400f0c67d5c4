import { z } from 'zod';
import { SupplierError, type SearchPage } from '../types';
import type { Alibaba1688Client } from './client';
import { DecimalError, yuanToFen } from './decimal';
import { wireId } from './product-schema';
import { absoluteImageUrl } from './reshape-product';

/** Keyword search through the cross-border `product.search.keywordQuery` (at most 50 per page). */
const MAX_PAGE_SIZE = 50;

const answerSchema = z.object({
  result: z.object({
    result: z.object({
      totalRecords: z.coerce.number().int().min(0),
      data: z
        .array(z.object({ offerId: wireId, subject: z.string().min(1), imageUrl: z.string().nullish(), priceInfo: z.object({ price: z.union([z.string(), z.number()]) }) }))
        .default([]),
    }),
  }),
});

export async function search(client: Alibaba1688Client, query: string, page: number, pageSize: number): Promise<SearchPage> {
  const keyword = query.trim();
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
  const current = Math.max(1, Math.floor(page));
  if (keyword === '') return { items: [], page: current, pageSize: size, total: 0 };
  const body = await client.call('com.alibaba.fenxiao.crossborder', 'product.search.keywordQuery', {
    offerQueryParam: { keyword, beginPage: current, pageSize: size, country: 'en' },
  });
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) throw new SupplierError('invalid', `1688 keywordQuery answer does not fit: ${parsed.error.issues[0]?.message ?? ''}`);
  try {
    const items = parsed.data.result.result.data.map((hit) => ({
      sourceId: hit.offerId,
      title: hit.subject,
      priceMinor: yuanToFen(hit.priceInfo.price),
      imageUrl: hit.imageUrl ? absoluteImageUrl(hit.imageUrl) : null,
      url: `https://detail.1688.com/offer/${hit.offerId}.html`,
    }));
    return { items, page: current, pageSize: size, total: parsed.data.result.result.totalRecords };
  } catch (error) {
    if (error instanceof DecimalError) throw new SupplierError('invalid', `1688 search price: ${error.message}`);
    throw error;
  }
}
