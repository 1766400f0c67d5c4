import { describe, expect, it } from 'vitest';
import type { Alibaba1688Client } from './client';
import { listCatalog } from './list-catalog';

const info = (productID: number, lastUpdateTime: string) => ({
  productID,
  categoryID: 1037024,
  status: 'published',
  subject: `连衣裙 ${productID}`,
  image: { images: ['img/ibank/a.jpg'] },
  skuInfos: [{ attributes: [{ attributeName: '颜色', attributeValue: '黑色' }], amountOnSale: 3, price: 19.9, skuId: productID * 10, specId: 'abc' }],
  shippingInfo: { unitWeight: 0.2, freightEstimate: 5 },
  supplierMemberId: 'b2b-1',
  lastUpdateTime,
});

/** A stand-in for the signed HTTP client: answers each pull with the next scripted page and records the parameters. */
function scripted(pages: unknown[]) {
  const seen: Record<string, unknown>[] = [];
  const client = {
    async call(_namespace: string, _api: string, params: Record<string, unknown>) {
      seen.push(params.offerPoolQueryParam as Record<string, unknown>);
      return pages.shift();
    },
  } as unknown as Alibaba1688Client;
  return { client, seen };
}

describe('listCatalog', () => {
  it('reports unreadable listings as rejected and keeps the rest', async () => {
    const { client } = scripted([{ result: { result: [{ offerId: 611, productInfo: info(611, '20250101000000000+0800') }, { offerId: 612, productInfo: { productID: 612 } }], total: 2, nextCursor: null } }]);
    const page = await listCatalog(client, { cursor: null, pageSize: 50, modifiedSince: null });
    expect(page.products.map((p) => p.sourceId)).toEqual(['611']);
    expect(page.rejected).toEqual([{ sourceId: '612', error: expect.stringMatching(/does not fit/) }]);
    expect(page.cursor).toBeNull();
  });

  it('passes 1688’s cursor through its own and carries the newest time across pages', async () => {
    const { client, seen } = scripted([
      { result: { result: [{ productInfo: info(611, '20250601000000000+0800') }], total: 2, nextCursor: 'upstream-2' } },
      { result: { result: [{ productInfo: info(612, '20250301000000000+0800') }], total: 2, nextCursor: null } },
    ]);
    const since = new Date(Date.UTC(2025, 0, 1));
    const first = await listCatalog(client, { cursor: null, pageSize: 500, modifiedSince: since });
    expect(first.cursor).not.toBe('upstream-2');
    const second = await listCatalog(client, { cursor: first.cursor, pageSize: 500, modifiedSince: since });
    expect(seen[0]).toMatchObject({ pageSize: 100, modifyStartTime: '20250101080000000+0800' });
    expect(seen[1]).toMatchObject({ cursor: 'upstream-2' });
    expect(second.watermark).toEqual(new Date(Date.UTC(2025, 4, 31, 16)));
    expect(second.cursor).toBeNull();
  });

  it('refuses a cursor it did not issue', async () => {
    const { client } = scripted([]);
    await expect(listCatalog(client, { cursor: 'garbage', pageSize: 10, modifiedSince: null })).rejects.toMatchObject({ code: 'invalid' });
  });
});
