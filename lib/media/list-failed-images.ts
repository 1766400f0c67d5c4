import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { productImages, products } from '@/db/schema/catalog';
import type { Database } from '@/db/client';

export type FailedImage = {
  id: number;
  productId: number;
  productSlug: string;
  /** The upstream (Chinese) title: what purchasers recognise and search the marketplace for. */
  productTitle: string;
  position: number;
  sourceUrl: string;
  /** Why it failed: "HTTP 404 Not Found", "timed out: …", "too large: …", "not an image: …". */
  error: string;
  failedAt: Date;
};

/** The failed-images list for staff, most recent failure first, with the product it belongs to. */
export async function listFailedImages(
  db: Database,
  options: { limit?: number; offset?: number } = {},
): Promise<{ items: FailedImage[]; total: number }> {
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 50)), 500);
  const offset = Math.max(0, Math.trunc(options.offset ?? 0));
  const isFailed = eq(productImages.status, 'failed');
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: productImages.id,
        productId: products.id,
        productSlug: products.slug,
        productTitle: products.titleZh,
        position: productImages.position,
        sourceUrl: productImages.sourceUrl,
        error: productImages.error,
        failedAt: productImages.updatedAt,
      })
      .from(productImages)
      .innerJoin(products, eq(products.id, productImages.productId))
      .where(isFailed)
      .orderBy(desc(productImages.updatedAt), desc(productImages.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(productImages).where(isFailed),
  ]);
  return { items: rows.map((r) => ({ ...r, error: r.error ?? 'unknown error' })), total: totals?.n ?? 0 };
}
