import { findDemoCategory, hash32 } from '../../lib/catalog/demo';
import type { LiveOffer } from './catalog-world';
import { format1688Time } from './time-format';

/**
 * A live offer as 1688's `alibaba.product.ProductInfo` (the model of `alibaba.cross.productInfo`
 * and `alibaba.cross.productList`): yuan as numbers, weights in kg, image paths relative to
 * https://cbu01.alicdn.com/, ids as numbers (offer and SKU ids fit a double exactly), times as
 * `yyyyMMddHHmmssSSS+0800`.
 *
 * Two fields are sandbox extensions standing in for calls the real connector would make: the
 * seller's member id and company name (`supplierMemberId`, `companyName`, as the cross-border
 * detail API `product.search.queryProductDetail` reports them) and the domestic freight to the
 * agent's warehouse (`shippingInfo.freightEstimate`, what `product.freight.estimate` answers).
 */
const CDN_ROOT = 'https://cbu01.alicdn.com/';

export const toRelativeImage = (url: string) => (url.startsWith(CDN_ROOT) ? url.slice(CDN_ROOT.length) : url);

/** CNY fen as the yuan number 1688 sends (12.9, not "12.90"). */
export const fenToYuan = (fen: number) => fen / 100;

// Stable, plausible-looking attribute ids: 1688 numbers attribute names and values. Memoised:
// the vocabulary is a few thousand words, and a catalog page would otherwise hash them thousands of times.
const ids = new Map<string, number>();
const memo = (key: string, make: () => number) => {
  let id = ids.get(key);
  if (id === undefined) {
    id = make();
    if (ids.size > 50_000) ids.clear();
    ids.set(key, id);
  }
  return id;
};
const attributeId = (name: string) => memo(`a:${name}`, () => 1_000 + (hash32(`attr:${name}`) % 9_000_000));
const valueId = (name: string, value: string) => memo(`v:${name}:${value}`, () => 10_000 + (hash32(`value:${name}:${value}`) % 90_000_000));

export type ProductInfoDetail = 'full' | 'lean';

export function toProductInfo(live: LiveOffer, detail: ProductInfoDetail = 'full'): Record<string, unknown> {
  const { offer } = live;
  const images = offer.images.map(toRelativeImage);
  const skuInfos = offer.skus.map((sku) => ({
    attributes: sku.attributes.map((a, k) => ({
      attributeID: attributeId(a.name),
      attValueID: valueId(a.name, a.value),
      attributeName: a.name,
      attributeDisplayName: a.name,
      attributeValue: a.value,
      // The colour spec comes first and carries the SKU's picture, as on 1688.
      ...(k === 0 && sku.imageIndex !== undefined ? { skuImageUrl: images[sku.imageIndex] } : {}),
    })),
    amountOnSale: sku.amountOnSale,
    price: fenToYuan(sku.priceFen),
    consignPrice: fenToYuan(sku.priceFen),
    skuId: Number(sku.skuId),
    specId: sku.specId,
  }));
  const minPrice = Math.min(...offer.skus.map((s) => s.priceFen));
  const onSale = live.isOnSale ? offer.skus.reduce((sum, s) => sum + s.amountOnSale, 0) : 0;
  const seller = offer.seller;
  const lean = {
    productID: Number(offer.offerId),
    productType: 'wholesale',
    categoryID: Number(offer.categoryId),
    status: live.isOnSale ? 'published' : 'expired',
    subject: offer.subject,
    skuInfos,
    saleInfo: {
      supportOnlineTrade: true,
      mixWholeSale: true,
      priceRanges: [{ startQuantity: 1, price: fenToYuan(minPrice) }],
      amountOnSale: onSale,
      unit: offer.unit,
      minOrderQuantity: 1,
      quoteType: 1,
    },
    supplierUserId: seller.userId,
    supplierLoginId: seller.loginId,
    sellerLoginId: seller.loginId,
    supplierMemberId: seller.memberId,
    lastUpdateTime: format1688Time(live.modifiedAt),
  };
  if (detail === 'lean') return lean;
  return {
    ...lean,
    categoryName: findDemoCategory(offer.categorySlug)?.nameZh ?? '',
    description: offer.description,
    language: 'CHINESE',
    bizType: 1,
    image: { images },
    attributes: offer.attributes.map((a) => ({ attributeID: attributeId(a.name), attributeName: a.name, valueID: valueId(a.name, a.value), value: a.value, isCustom: false })),
    shippingInfo: {
      unitWeight: offer.unitWeightGrams / 1000,
      // 1 = the seller pays the freight (包邮); other ids name a freight template.
      freightTemplateID: offer.freightFen === 0 ? 1 : 10_000_000 + (hash32(`tpl:${seller.memberId}`) % 90_000_000),
      sendGoodsAddressText: seller.location,
      freightEstimate: fenToYuan(offer.freightFen),
    },
    companyName: seller.name,
    // 1688 shows service scores out of 5 with one decimal; the demo rates in tenths of a star.
    tradeScore: (seller.rating / 10).toFixed(1),
    qualityLevel: Math.round(seller.rating / 10),
    productCargoNumber: offer.attributes.find((a) => a.name === '货号')?.value ?? '',
    bookedCount: String(offer.soldCount),
    crossBorderOffer: true,
    // Listed some time in 2024, fixed per offer.
    createTime: format1688Time(Date.UTC(2024, 0, 1) + (hash32(`created:${offer.offerId}`) % 365) * 86_400_000),
    modifyTime: format1688Time(live.modifiedAt),
  };
}
