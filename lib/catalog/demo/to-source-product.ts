import type { SourceProduct } from '@/lib/suppliers/source-product';
import type { DemoOffer } from './offers';

/** The demo generator's 1688-shaped offer in the catalog's terms (what a 1688 connector also produces). */
export function toSourceProduct(offer: DemoOffer): SourceProduct {
  return {
    platform: '1688',
    sourceId: offer.offerId,
    sourceUrl: offer.detailUrl,
    title: offer.subject,
    description: offer.description,
    attributes: offer.attributes,
    categorySlug: offer.categorySlug,
    seller: { sourceId: offer.seller.memberId, name: offer.seller.name, location: offer.seller.location, rating: offer.seller.rating },
    images: offer.images,
    skus: offer.skus.map((s) => ({
      sourceSkuId: s.skuId,
      specId: s.specId,
      attributes: s.attributes,
      priceMinor: s.priceFen,
      stock: s.amountOnSale,
      imageIndex: s.imageIndex ?? null,
    })),
    weightGrams: offer.unitWeightGrams,
    domesticShippingMinor: offer.freightFen,
    salesCount: offer.soldCount,
    sourceUpdatedAt: new Date(offer.modifiedAt),
  };
}
