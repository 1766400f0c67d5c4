import { asc, eq, inArray, sql } from 'drizzle-orm';
import { productImages } from '@/db/schema/catalog';
import type { Database } from '@/db/client';
import { deriveImages } from './derive';
import type { createLocalStorage } from './local-storage';

export type ImageFetcher = (url: string) => Promise<Buffer>;
type Storage = ReturnType<typeof createLocalStorage>;
type Derived = { key: string; width: number; height: number };

export type ImageRunResult = { processed: number; failed: number; reused: number };

/**
 * Derives WebP images for every `pending` product image: fetch the original once per URL, make the
 * 200/800 px derivatives, store them, mark the rows ready (or failed, with the reason for staff).
 * `memo` lets a long run reuse URLs shared by many products.
 */
export async function processPendingImages(
  db: Database,
  storage: Storage,
  fetchOriginal: ImageFetcher,
  options: { concurrency?: number; batchSize?: number; memo?: Map<string, Derived> } = {},
): Promise<ImageRunResult> {
  const concurrency = options.concurrency ?? 4;
  const memo = options.memo ?? new Map<string, Derived>();
  const result: ImageRunResult = { processed: 0, failed: 0, reused: 0 };
  let lastId = 0;

  for (;;) {
    const rows = await db
      .select({ id: productImages.id, sourceUrl: productImages.sourceUrl })
      .from(productImages)
      .where(eq(productImages.status, 'pending'))
      .orderBy(asc(productImages.id))
      .limit(options.batchSize ?? 5000);
    const fresh = rows.filter((r) => r.id > lastId);
    if (fresh.length === 0) return result;
    lastId = fresh[fresh.length - 1]!.id;

    const byUrl = new Map<string, number[]>();
    for (const r of fresh) byUrl.set(r.sourceUrl, [...(byUrl.get(r.sourceUrl) ?? []), r.id]);
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
          const d = await deriveImages(await fetchOriginal(url));
          await storage.save(d);
          memo.set(url, { key: d.key, width: d.width, height: d.height });
        } catch (error) {
          failures.set(url, error instanceof Error ? error.message.slice(0, 250) : 'unknown error');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    // One statement for every ready row of the batch (many products share an image URL), then one
    // per failed URL so each keeps its own reason.
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
    for (const [url, ids] of byUrl) {
      if (memo.has(url)) continue;
      await db.update(productImages).set({ status: 'failed', error: failures.get(url) ?? 'not processed' }).where(inArray(productImages.id, ids));
      result.failed += ids.length;
    }
  }
}
