import { describe, expect, it } from 'vitest';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { contentHash } from './content-hash';

const base: SourceProduct = {
  platform: '1688',
  sourceId: '612345678901',
  sourceUrl: 'https://detail.1688.com/offer/612345678901.html',
  title: '2025夏季新款纯棉短袖T恤女',
  subjectTrans: null,
  description: null,
  attributes: [{ name: '材质', value: '纯棉' }],
  categorySlug: 'test-tops',
  seller: { sourceId: 'b2b-1', name: '义乌市佳禾服饰有限公司', location: '浙江 义乌', rating: 45 },
  images: ['https://img.example/a.png'],
  skus: [{ sourceSkuId: '5001', specId: 'abc', attributes: [{ name: '颜色', value: '黑色' }], priceMinor: 1990, stock: 10, imageIndex: 0 }],
  weightGrams: 180,
  domesticShippingMinor: 500,
  salesCount: 12,
  sourceUpdatedAt: new Date('2026-11-01T00:00:00Z'),
};

const sku = base.skus[0]!;

describe('contentHash', () => {
  it('is 40 hex characters and stable', () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{40}$/);
    expect(contentHash(structuredClone(base))).toBe(contentHash(base));
  });

  it('ignores SKU price and stock, the sales count and the modification time', () => {
    const moved = { ...base, salesCount: 99, sourceUpdatedAt: new Date(), skus: [{ ...sku, priceMinor: 1, stock: 0 }] };
    expect(contentHash(moved)).toBe(contentHash(base));
  });

  it('changes with texts, attributes, images, the SKU matrix, the seller and shipping', () => {
    const variants: Partial<SourceProduct>[] = [
      { title: base.title + '!' },
      { subjectTrans: 'Cotton T-shirt' },
      { description: '新' },
      { attributes: [{ name: '材质', value: '涤纶' }] },
      { categorySlug: 'other' },
      { seller: { ...base.seller, name: '别家' } },
      { images: ['https://img.example/b.png'] },
      { skus: [{ ...sku, specId: 'def' }] },
      { skus: [{ ...sku, attributes: [{ name: '颜色', value: '白色' }] }] },
      { skus: [sku, { ...sku, sourceSkuId: '5002' }] },
      { weightGrams: 181 },
      { domesticShippingMinor: 0 },
    ];
    const hashes = new Set(variants.map((v) => contentHash({ ...base, ...v })));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(contentHash(base))).toBe(false);
  });
});
