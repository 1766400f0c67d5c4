import 'server-only';
import { count } from 'drizzle-orm';
import { imageStatus, productImages } from '@/db/schema/catalog';
import type { Database } from '@/db/client';

export type ImageStatus = (typeof imageStatus)[number];

/** Image pipeline progress for staff and the CLI: every status present, zero when none. */
export async function countImagesByStatus(db: Database): Promise<Record<ImageStatus, number>> {
  const rows = await db.select({ status: productImages.status, n: count() }).from(productImages).groupBy(productImages.status);
  const counts = Object.fromEntries(imageStatus.map((s) => [s, 0])) as Record<ImageStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
