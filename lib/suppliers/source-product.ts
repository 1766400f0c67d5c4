import { z } from 'zod';

const spec = z.object({ name: z.string().min(1).max(64), value: z.string().min(1).max(128) });

/**
 * A product as a connector hands it to the catalog: the upstream listing reshaped into Ferry's terms
 * (CNY minor units, grams). Every source (the demo generator today, marketplace connectors later)
 * produces this and nothing else reaches the import.
 */
export const sourceProductSchema = z.object({
  platform: z.string().min(2).max(16),
  sourceId: z.string().min(1).max(64),
  sourceUrl: z.url().max(512),
  title: z.string().min(1).max(512),
  /** The upstream's own English title, where it offers one (1688's subjectTrans); preferred over machine translation. */
  subjectTrans: z.string().min(1).max(512).nullable().optional(),
  description: z.string().max(20_000).nullable(),
  attributes: z.array(spec).max(60),
  categorySlug: z.string().min(1).max(120),
  seller: z.object({
    sourceId: z.string().min(1).max(64),
    name: z.string().min(1).max(160),
    location: z.string().max(120).nullable(),
    rating: z.number().int().min(0).max(50).nullable(),
  }),
  images: z.array(z.url().max(512)).max(20),
  skus: z
    .array(
      z.object({
        sourceSkuId: z.string().min(1).max(64),
        /** The upstream's spec id where its order APIs need one (1688's specId). */
        specId: z.string().min(1).max(64).nullable().optional(),
        attributes: z.array(spec).max(5),
        priceMinor: z.number().int().positive(),
        stock: z.number().int().min(0),
        imageIndex: z.number().int().min(0).nullable(),
      }),
    )
    .min(1)
    .max(400),
  weightGrams: z.number().int().positive().max(200_000),
  domesticShippingMinor: z.number().int().min(0),
  salesCount: z.number().int().min(0),
  /** false when the upstream took the listing down: the product is hidden and sells nothing. */
  isOnSale: z.boolean().optional(),
  sourceUpdatedAt: z.coerce.date().nullable(),
});

export type SourceProduct = z.infer<typeof sourceProductSchema>;
