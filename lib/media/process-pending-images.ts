import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { productImages } from '@/db/schema/catalog';
import type { Database } from '@/db/client';
import { deriveImages } from './derive';
import { ImageFetchError } from './fetch-errors';
import type { MediaStorage } from './storage';

/** Downloads one original. `createImageFetcher(...).fetch` is the production one. */
export type FetchOriginal = (url: string) => Promise<Buffer>;
type Derived = { key: string; width: number; height: number };

export type ImageRunResult = {
  /** Rows made ready, failed, and URLs served from the memo without a download. */
  processed: number;
  failed: number;
  reused: number;
  /** URLs this run tried to download (a re-sync of an unchanged catalog tries none). */
  fetched: number;
};

export type ProcessImagesOptions = {
  concurrency?: number;
  batchSize?: number;
  memo?: Map<string, Derived>;
  /** Only these products' images (a link import derives its own product's, not the whole backlog). */
  productIds?: readonly number[];
  /** Stop after this many rows (a periodic job takes a bounded share of the backlog per tick). */
  maxRows?: number;
};

/**
 * Derives WebP images for every `pending` product image: fetch the original once per URL, make the
 * 200/800 px derivatives, store them, mark the rows ready (or failed, with the reason for staff).
 * Only new or changed URLs are pending (the import decides), so a re-sync of an unchanged catalog
 * downloads nothing. `memo` lets a long run reuse URLs shared by many products.
 */
export async function processPendingImages(
  db: Database,
  storage: MediaStorage,
  fetchOriginal: FetchOriginal,
  options: ProcessImagesOptions = {},
): Promise<ImageRunResult> {
  // Workers beyond the fetcher's own cap only wait for a slot, but they keep sharp busy deriving
  // one image while the next downloads.
  const concurrency = options.concurrency ?? 10;
  const memo = options.memo ?? new Map<string, Derived>();
  const result: ImageRunResult = { processed: 0, failed: 0, reused: 0, fetched: 0 };
  let lastId = 0;
  let left = options.maxRows ?? Number.POSITIVE_INFINITY;
  if (options.productIds?.length === 0) return result;

  for (;;) {
    if (left <= 0) return result;
    const rows = await db
      .select({ id: productImages.id, sourceUrl: productImages.sourceUrl })
      .from(productImages)
      .where(
        and(
          eq(productImages.status, 'pending'),
          gt(productImages.id, lastId),
          options.productIds ? inArray(productImages.productId, [...options.productIds]) : undefined,
        ),
      )
      .orderBy(asc(productImages.id))
      .limit(Math.min(options.batchSize ?? 5000, left));
    if (rows.length === 0) return result;
    left -= rows.length;
    lastId = rows[rows.length - 1]!.id;

    const byUrl = new Map<string, number[]>();
    for (const r of rows) byUrl.set(r.sourceUrl, [...(byUrl.get(r.sourceUrl) ?? []), r.id]);
    const urls = [...byUrl.keys()];
    const failures = new Map<string, string>();

    let next = 0;
    const worker = async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        if (memo.has(url)) {
          result.reused += 1;
          continue;
        }
        try {
          result.fetched += 1;
          const d = await deriveStep(await fetchOriginal(url));
          await storage.save(d);
          memo.set(url, { key: d.key, width: d.width, height: d.height });
        } catch (error) {
          failures.set(url, failureReason(error));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));

    // One statement for every ready row of the batch (many products share an image URL), then one
    // per distinct reason: a dead CDN host fails thousands of rows with the same words.
    const ready = [...byUrl].filter(([url]) => memo.has(url));
    if (ready.length > 0) {
      const pick = (field: keyof Derived) =>
        sql.join([sql`case ${productImages.sourceUrl}`, ...ready.map(([url]) => sql`when ${url} then ${memo.get(url)![field]}`), sql`end`], sql` `);
      await db
        .update(productImages)
        .set({ status: 'ready', storageKey: pick('key'), width: pick('width'), height: pick('height'), error: null })
        .where(inArray(productImages.id, ready.flatMap(([, ids]) => ids)));
      result.processed += ready.reduce((n, [, ids]) => n + ids.length, 0);
    }
    const byReason = new Map<string, number[]>();
    for (const [url, ids] of byUrl) {
      if (memo.has(url)) continue;
      const reason = failures.get(url) ?? 'not processed';
      byReason.set(reason, [...(byReason.get(reason) ?? []), ...ids]);
    }
    for (const [reason, ids] of byReason) {
      await db.update(productImages).set({ status: 'failed', error: reason }).where(inArray(productImages.id, ids));
      result.failed += ids.length;
    }
  }
}

/** A download that sharp cannot decode is the upstream's fault, not ours: say so. */
async function deriveStep(original: Buffer) {
  try {
    return await deriveImages(original);
  } catch (error) {
    if (error instanceof ImageFetchError) throw error;
    throw new Error(`not an image: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The words staff read next to a failed image: the fetcher's typed reasons ("HTTP 404 Not Found",
 * "timed out: …", "too large: …", "not an image: …", "storage: …") or any thrown message, on one
 * line and within the varchar(255) `error` column.
 */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const line = message.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > 250 ? `${line.slice(0, 249)}…` : line;
}
