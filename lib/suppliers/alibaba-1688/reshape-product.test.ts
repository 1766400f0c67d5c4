import { describe, expect, it } from 'vitest';
import { SupplierError } from '../types';
import { FALLBACK_CATEGORY_SLUG } from './category-slug';
import { reshapeProduct } from './reshape-product';

function productInfo(overrides: Record<string, unknown> = {}) {
  return {
    productID: 612345678901,
    categoryID: 1037024,
    status: 'published',
    subject: '2025夏季新款碎花连衣裙',
    subjectTrans: 'Floral dress, summer 2025',
    description: '<p>面料舒适</p>',
    image: { images: ['img/ibank/O1CN01aaa_!!2200000000-0-cib.jpg', 'img/ibank/O1CN01bbb_!!2200000000-0-cib.jpg'] },
    attributes: [
      { attributeID: 1, attributeName: '材质', valueID: 2, value: '棉' },
      { attributeID: 3, attributeName: '风格', valueID: 4, value: ' ' },
    ],
    skuInfos: [
      { attributes: [{ attributeID: 3216, attributeName: '颜色', attributeValue: '黑色', skuImageUrl: 'img/ibank/O1CN01bbb_!!2200000000-0-cib.jpg' }, { attributeName: '尺码', attributeValue: 'M' }], amountOnSale: 12, price: 0.29, skuId: 4000000000001, specId: 'b266e0726506185beaf205cbae88530d' },
      { attributes: [{ attributeDisplayName: '颜色', attributeValue: '白色' }], amountOnSale: 0, price: '19.90', skuId: 4000000000002, specId: '2ba3d63866a71fbae83909d9b4814f01' },
    ],
    saleInfo: { amountOnSale: 12, priceRanges: [{ startQuantity: 1, price: 0.29 }], unit: '件' },
    shippingInfo: { unitWeight: 0.355, sendGoodsAddressText: '浙江 义乌', freightEstimate: 8, freightTemplateID: 12345678 },
    supplierMemberId: 'b2b-2200000001abcde',
    supplierLoginId: '佳禾服饰',
    companyName: '义乌市佳禾服饰有限公司',
    tradeScore: '4.5',
    bookedCount: '1999',
    lastUpdateTime: '20250614101942123+0800',
    ...overrides,
  };
}

describe('reshapeProduct', () => {
  it('turns a ProductInfo into a SourceProduct, money and weight exact', () => {
    const product = reshapeProduct(productInfo());
    expect(product).toMatchObject({
      platform: '1688',
      sourceId: '612345678901',
      sourceUrl: 'https://detail.1688.com/offer/612345678901.html',
      title: '2025夏季新款碎花连衣裙',
      subjectTrans: 'Floral dress, summer 2025',
      categorySlug: 'womens-dresses',
      attributes: [{ name: '材质', value: '棉' }],
      seller: { sourceId: 'b2b-2200000001abcde', name: '义乌市佳禾服饰有限公司', location: '浙江 义乌', rating: 45 },
      images: ['https://cbu01.alicdn.com/img/ibank/O1CN01aaa_!!2200000000-0-cib.jpg', 'https://cbu01.alicdn.com/img/ibank/O1CN01bbb_!!2200000000-0-cib.jpg'],
      weightGrams: 355,
      domesticShippingMinor: 800,
      salesCount: 1999,
      sourceUpdatedAt: new Date(Date.UTC(2025, 5, 14, 2, 19, 42, 123)),
    });
    expect(product.skus).toEqual([
      { sourceSkuId: '4000000000001', specId: 'b266e0726506185beaf205cbae88530d', attributes: [{ name: '颜色', value: '黑色' }, { name: '尺码', value: 'M' }], priceMinor: 29, stock: 12, imageIndex: 1 },
      { sourceSkuId: '4000000000002', specId: '2ba3d63866a71fbae83909d9b4814f01', attributes: [{ name: '颜色', value: '白色' }], priceMinor: 1990, stock: 0, imageIndex: null },
    ]);
  });

  it('reports no stock for a listing taken off sale', () => {
    expect(reshapeProduct(productInfo({ status: 'expired' })).skus.map((s) => s.stock)).toEqual([0, 0]);
  });

  it('makes one SKU of an offer sold without specs', () => {
    const product = reshapeProduct(productInfo({ skuInfos: [], saleInfo: { amountOnSale: 40, priceRanges: [{ startQuantity: 2, price: '5.5' }] } }));
    expect(product.skus).toEqual([{ sourceSkuId: '612345678901', specId: null, attributes: [], priceMinor: 550, stock: 40, imageIndex: null }]);
  });

  it('files unknown 1688 categories under the fallback leaf, and top-level ids under their first leaf', () => {
    expect(reshapeProduct(productInfo({ categoryID: 999999999 })).categorySlug).toBe(FALLBACK_CATEGORY_SLUG);
    expect(reshapeProduct(productInfo({ categoryID: 10166 })).categorySlug).toBe('womens-dresses');
  });

  it('fills what a listing leaves out with documented guesses', () => {
    const product = reshapeProduct(productInfo({ shippingInfo: {}, tradeScore: undefined, companyName: undefined, subjectTrans: undefined, lastUpdateTime: undefined }));
    expect(product).toMatchObject({ weightGrams: 500, domesticShippingMinor: 0, subjectTrans: null, sourceUpdatedAt: null });
    expect(product.seller).toEqual({ sourceId: 'b2b-2200000001abcde', name: '佳禾服饰', location: null, rating: null });
  });

  it('refuses payloads that do not fit, as invalid', () => {
    const invalid = (raw: unknown) => {
      try {
        reshapeProduct(raw);
      } catch (error) {
        return error instanceof SupplierError ? error.code : 'other';
      }
      return 'accepted';
    };
    expect(invalid(null)).toBe('invalid');
    expect(invalid(productInfo({ subject: '' }))).toBe('invalid');
    expect(invalid(productInfo({ productID: 'abc' }))).toBe('invalid');
    expect(invalid(productInfo({ skuInfos: [{ attributes: [], amountOnSale: 1, price: '1.234', skuId: 1 }] }))).toBe('invalid');
    expect(invalid(productInfo({ skuInfos: [], saleInfo: {} }))).toBe('invalid');
    expect(invalid(productInfo({ supplierMemberId: undefined }))).toBe('invalid');
  });
});
