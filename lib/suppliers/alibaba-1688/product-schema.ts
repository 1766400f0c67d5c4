import { z } from 'zod';

/**
 * The parts of 1688's `alibaba.product.ProductInfo` Ferry reads. Ids arrive as numbers (or, once
 * past 15 digits, as the exact strings `parseWireJson` makes of them) and become strings; decimals
 * stay raw here and are converted exactly by `decimal.ts`.
 */
export const wireId = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
const decimal = z.union([z.number(), z.string()]);
const optionalText = z.string().nullish().transform((v) => v ?? null);

const skuAttribute = z.object({
  attributeID: wireId.optional(),
  attributeName: z.string().optional(),
  attributeDisplayName: z.string().optional(),
  attributeValue: z.string(),
  skuImageUrl: z.string().nullish(),
});

export const wireSku = z.object({
  attributes: z.array(skuAttribute).default([]),
  amountOnSale: z.number().int().min(0),
  price: decimal.nullish(),
  consignPrice: decimal.nullish(),
  skuId: wireId,
  specId: z.string().nullish(),
});

export const wireSaleInfo = z.object({
  amountOnSale: z.number().min(0).optional(),
  priceRanges: z.array(z.object({ startQuantity: z.number().optional(), price: decimal })).optional(),
  unit: z.string().optional(),
});

/** What the lean `alibaba.cross.productList` rows carry: enough for a stock and seller check. */
export const leanProductInfoSchema = z.object({
  productID: wireId,
  status: z.string(),
  subject: z.string().optional(),
  skuInfos: z.array(wireSku).default([]),
  saleInfo: wireSaleInfo.optional(),
  supplierMemberId: z.string().optional(),
  supplierLoginId: z.string().optional(),
});

export const productInfoSchema = leanProductInfoSchema.extend({
  categoryID: wireId,
  subject: z.string().min(1),
  subjectTrans: optionalText,
  description: optionalText,
  image: z.object({ images: z.array(z.string().min(1)).default([]) }),
  attributes: z.array(z.object({ attributeName: z.string(), value: z.string() })).default([]),
  shippingInfo: z.object({ unitWeight: decimal.nullish(), sendGoodsAddressText: optionalText, freightEstimate: decimal.nullish(), freightTemplateID: wireId.nullish() }).prefault({}),
  supplierMemberId: z.string().min(1),
  supplierLoginId: z.string().optional(),
  sellerLoginId: z.string().optional(),
  companyName: optionalText,
  tradeScore: decimal.nullish(),
  bookedCount: z.union([z.string(), z.number()]).nullish(),
  lastUpdateTime: z.string().nullish(),
});

export type WireProductInfo = z.infer<typeof productInfoSchema>;
export type WireLeanProductInfo = z.infer<typeof leanProductInfoSchema>;
export type WireSku = z.infer<typeof wireSku>;
