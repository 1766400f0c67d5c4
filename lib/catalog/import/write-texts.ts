import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { productImages, productTranslations, searchTerms } from '@/db/schema/catalog';
import { indexTerms } from '../search-text';
import { asJson, insertRows, takeNew, type SqlValue } from './bulk-sql';
import type { PlannedProduct } from './plan-import';
import type { ProductTranslation } from './translate-batch';

/* Images, translations and search terms of the listings on the full path (write-content.ts). */

const existingIds = (plan: PlannedProduct[]) => plan.filter((p) => p.existing).map((p) => p.existing!.id);

/**
 * An unchanged URL keeps its derivatives; a new or changed one goes (back) to `pending` for the
 * image pipeline. Decided here rather than in SQL: upsert assignments run in column order.
 */
export async function writeImages(tx: Database, plan: PlannedProduct[], idOf: Map<string, number>) {
  const before = existingIds(plan);
  const current =
    before.length === 0
      ? []
      : await tx
          .select({ productId: productImages.productId, position: productImages.position, sourceUrl: productImages.sourceUrl, status: productImages.status, storageKey: productImages.storageKey, width: productImages.width, height: productImages.height, error: productImages.error })
          .from(productImages)
          .where(inArray(productImages.productId, before));
  const known = new Map(current.map((c) => [`${c.productId}:${c.position}`, c]));
  const now = new Date();
  const rows: SqlValue[][] = plan.flatMap(({ product: p }) =>
    p.images.map((url, position) => {
      const productId = idOf.get(p.sourceId)!;
      const was = known.get(`${productId}:${position}`);
      return was && was.sourceUrl === url
        ? [productId, position, url, was.status, was.storageKey, was.width, was.height, was.error, now, now]
        : [productId, position, url, 'pending', null, null, null, null, now, now];
    }),
  );
  await insertRows(tx, productImages, ['productId', 'position', 'sourceUrl', 'status', 'storageKey', 'width', 'height', 'error', 'createdAt', 'updatedAt'], rows, {
    onDuplicate: takeNew(productImages, ['sourceUrl', 'status', 'storageKey', 'width', 'height', 'error', 'updatedAt']),
  });
  const trimmed = plan
    .filter((p) => p.existing)
    .map(({ product: p }) => sql`(${productImages.productId} = ${idOf.get(p.sourceId)!} and ${productImages.position} >= ${p.images.length})`);
  if (trimmed.length > 0) await tx.delete(productImages).where(sql.join(trimmed, sql` or `));
}

/** Machine translations and the zh-CN original; a row staff edited keeps its text. */
export async function writeTranslations(tx: Database, plan: PlannedProduct[], idOf: Map<string, number>, translations: Map<string, ProductTranslation[]>, now: Date) {
  const rows: SqlValue[][] = plan.flatMap(({ product: p }) => {
    const productId = idOf.get(p.sourceId)!;
    const original: SqlValue[] = [productId, 'zh-CN', p.title, p.description, asJson({}), 'machine', 'original', now];
    return [original, ...(translations.get(p.sourceId) ?? []).map((t): SqlValue[] => [productId, t.locale, t.title, t.description, asJson(t.attributes), 'machine', t.provider, now])];
  });
  const keep = (col: string) => `\`${col}\` = IF(\`source\` = 'staff', \`${col}\`, VALUES(\`${col}\`))`;
  await insertRows(tx, productTranslations, ['productId', 'locale', 'title', 'description', 'attributes', 'source', 'provider', 'translatedAt'], rows, {
    onDuplicate: ['title', 'description', 'attributes', 'provider', 'translated_at'].map(keep),
    chunkRows: 1000,
  });
}

/** Re-indexes the listings: old terms of changed products go, the new terms of all come in. */
export async function writeSearchTerms(tx: Database, plan: PlannedProduct[], idOf: Map<string, number>, translations: Map<string, ProductTranslation[]>) {
  const before = existingIds(plan);
  if (before.length > 0) await tx.delete(searchTerms).where(inArray(searchTerms.productId, before));
  const rows: SqlValue[][] = plan.flatMap(({ product: p }) => {
    const ts = translations.get(p.sourceId) ?? [];
    const attrs = [...p.attributes, ...p.skus.flatMap((s) => s.attributes)];
    const terms = indexTerms({
      zhTitle: p.title,
      zhAttributes: attrs.map((a) => a.value),
      translatedTitles: ts.map((t) => t.title),
      translatedAttributes: ts.flatMap((t) => Object.values(t.attributes)),
    });
    const productId = idOf.get(p.sourceId)!;
    return [...terms].map(([term, weight]): SqlValue[] => [term, productId, weight]);
  });
  await insertRows(tx, searchTerms, ['term', 'productId', 'weight'], rows, { chunkRows: 5000 });
}
