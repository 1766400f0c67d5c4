import { sourceProductSchema, type SourceProduct } from '@/lib/suppliers/source-product';
import { SupplierError } from '../types';
import { categorySlugFor } from './category-slug';
import { DecimalError, kgToGrams, scoreToTenths, yuanToFen } from './decimal';
import { productInfoSchema, type WireProductInfo, type WireSku } from './product-schema';
import { parse1688Time } from './time';

/**
 * 1688's ProductInfo in the catalog's terms: fen from yuan (exactly), grams from kilograms, image
 * paths made absolute on 1688's CDN, each SKU's picture as an index into the offer's images.
 * A payload that does not fit is `invalid`, never half-imported.
 */
const CDN_ROOT = 'https://cbu01.alicdn.com/';
/** Used when a listing states no weight: a light parcel; weighing at the warehouse settles the truth. */
const UNKNOWN_WEIGHT_GRAMS = 500;

export const absoluteImageUrl = (path: string): string =>
  /^https?:\/\//.test(path) ? path : path.startsWith('//') ? `https:${path}` : CDN_ROOT + path.replace(/^\/+/, '');

export function reshapeProduct(raw: unknown): SourceProduct {
  const parsed = productInfoSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SupplierError('invalid', `1688 productInfo does not fit: ${issue?.path.join('.') ?? '?'} ${issue?.message ?? ''}`.trim());
  }
  try {
    return validate(toSourceProduct(parsed.data));
  } catch (error) {
    if (error instanceof DecimalError) throw new SupplierError('invalid', `1688 productInfo ${parsed.data.productID}: ${error.message}`);
    throw error;
  }
}

function toSourceProduct(info: WireProductInfo): SourceProduct {
  const images = info.image.images.map(absoluteImageUrl).slice(0, 20);
  const shipping = info.shippingInfo;
  const unitWeight = shipping.unitWeight === null || shipping.unitWeight === undefined ? null : kgToGrams(shipping.unitWeight);
  const bookedCount = Number.parseInt(String(info.bookedCount ?? '0'), 10);
  return {
    platform: '1688',
    sourceId: info.productID,
    sourceUrl: `https://detail.1688.com/offer/${info.productID}.html`,
    title: info.subject,
    subjectTrans: info.subjectTrans,
    description: info.description,
    attributes: info.attributes.filter((a) => a.attributeName.trim() && a.value.trim()).slice(0, 60).map((a) => ({ name: a.attributeName, value: a.value })),
    categorySlug: categorySlugFor(info.categoryID).slug,
    seller: {
      sourceId: info.supplierMemberId,
      name: info.companyName ?? info.supplierLoginId ?? info.sellerLoginId ?? info.supplierMemberId,
      location: shipping.sendGoodsAddressText,
      rating: info.tradeScore === null || info.tradeScore === undefined ? null : Math.min(50, scoreToTenths(info.tradeScore)),
    },
    images,
    // A listing taken down upstream is hidden and has nothing to sell.
    skus: reshapeSkus(info, images).map((sku) => (info.status === 'published' ? sku : { ...sku, stock: 0 })),
    isOnSale: info.status === 'published',
    weightGrams: unitWeight && unitWeight > 0 ? unitWeight : UNKNOWN_WEIGHT_GRAMS,
    // Without an estimate the listing is treated as 包邮; the order preview shows the real freight before buying.
    domesticShippingMinor: shipping.freightEstimate === null || shipping.freightEstimate === undefined ? 0 : yuanToFen(shipping.freightEstimate),
    salesCount: Number.isFinite(bookedCount) && bookedCount > 0 ? bookedCount : 0,
    sourceUpdatedAt: parse1688Time(info.lastUpdateTime),
  };
}

/** 1688 SKUs; an offer sold without specs has none, and becomes one SKU keyed by the offer id. */
export function reshapeSkus(info: Pick<WireProductInfo, 'productID' | 'skuInfos' | 'saleInfo'>, images: readonly string[]): SourceProduct['skus'] {
  const offerPrice = info.saleInfo?.priceRanges?.[0]?.price;
  if (info.skuInfos.length === 0) {
    if (offerPrice === undefined) throw new SupplierError('invalid', `1688 offer ${info.productID} has neither SKUs nor a price`);
    return [{ sourceSkuId: info.productID, specId: null, attributes: [], priceMinor: yuanToFen(offerPrice), stock: Math.floor(info.saleInfo?.amountOnSale ?? 0), imageIndex: null }];
  }
  return info.skuInfos.map((sku: WireSku) => {
    const price = sku.price ?? sku.consignPrice ?? offerPrice;
    if (price === null || price === undefined) throw new SupplierError('invalid', `1688 SKU ${sku.skuId} has no price`);
    const picture = sku.attributes.find((a) => a.skuImageUrl)?.skuImageUrl;
    const imageIndex = picture ? images.indexOf(absoluteImageUrl(picture)) : -1;
    return {
      sourceSkuId: sku.skuId,
      specId: sku.specId ?? null,
      attributes: sku.attributes.slice(0, 5).map((a) => ({ name: a.attributeName ?? a.attributeDisplayName ?? '规格', value: a.attributeValue })),
      priceMinor: yuanToFen(price),
      stock: sku.amountOnSale,
      imageIndex: imageIndex >= 0 ? imageIndex : null,
    };
  });
}

function validate(product: SourceProduct): SourceProduct {
  const checked = sourceProductSchema.safeParse(product);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new SupplierError('invalid', `1688 offer ${product.sourceId} does not fit the catalog: ${issue?.path.join('.') ?? '?'} ${issue?.message ?? ''}`.trim());
  }
  return product;
}
