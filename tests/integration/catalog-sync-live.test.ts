import { desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { cacheTags } from '@/lib/cache/tags';
import { REVALIDATE_SIGNATURE_HEADER, REVALIDATE_TIMESTAMP_HEADER, revalidateHeaders } from '@/lib/cache/revalidate-signature';
import { parseEnv } from '@/lib/env';

// Runs against the production server that `npm test` starts (scripts/test.sh), on the test
// database: what a sync run from the CLI relies on to move new stock onto cached product pages.
const base = process.env.FERRY_TEST_BASE_URL;
const dbUrl = process.env.DATABASE_URL;
const secretKey = parseEnv(process.env).FERRY_SECRET_KEY;

function revalidate(body: string, signed: Record<string, string> | null) {
  return fetch(`${base}/api/internal/revalidate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...signed },
    body,
  });
}
const signedNow = (body: string, key = secretKey) => revalidateHeaders(key, body);

afterAll(() => closeDatabases());

describe('POST /api/internal/revalidate (live server)', () => {
  it('needs the test server', () => {
    expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
    expect(dbUrl).toBeTruthy();
  });

  it('refuses a missing or wrong signature and more than 1000 tags', async () => {
    const body = JSON.stringify({ tags: [cacheTags.listing] });
    expect((await revalidate(body, null)).status).toBe(401);
    expect((await revalidate(body, signedNow(body, `${secretKey}-wrong`))).status).toBe(401);
    expect((await revalidate(body.replace('listing', 'categories'), signedNow(body))).status).toBe(401);
    const { [REVALIDATE_SIGNATURE_HEADER]: signatureOnly } = signedNow(body);
    expect((await revalidate(body, { [REVALIDATE_SIGNATURE_HEADER]: signatureOnly! })).status).toBe(401);
    const tooMany = JSON.stringify({ tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) });
    expect((await revalidate(tooMany, signedNow(tooMany))).status).toBe(400);
    const ok = await revalidate(body, signedNow(body));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ revalidated: 1 });
  });

  it('refuses a correctly signed request from more than 300 s ago or ahead (a replay), with a JSON error', async () => {
    const body = JSON.stringify({ tags: [cacheTags.listing] });
    const now = Math.floor(Date.now() / 1000);
    // What an eavesdropper captured ten minutes ago, sent again unchanged.
    const captured = revalidateHeaders(secretKey, body, now - 600);
    const replay = await revalidate(body, captured);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect((await revalidate(body, revalidateHeaders(secretKey, body, now + 600))).status).toBe(401);
    // A timestamp swapped in for a fresh one breaks the signature.
    expect((await revalidate(body, { ...captured, [REVALIDATE_TIMESTAMP_HEADER]: String(now) })).status).toBe(401);
    expect((await revalidate(body, revalidateHeaders(secretKey, body, now - 60))).status).toBe(200);
  });

  it('moves a stock change onto the cached product page once the product tag is revalidated', async () => {
    const db = databaseFor(dbUrl!);
    const [product] = await db.select({ id: products.id, slug: products.slug }).from(products).where(eq(products.isActive, 1)).orderBy(desc(products.id)).limit(1);
    const [sku] = await db.select({ id: skus.id, stock: skus.stock }).from(skus).where(eq(skus.productId, product!.id)).limit(1);
    const url = `${base}/en/p/${product!.slug}`;
    const page = async () => (await fetch(url, { headers: { cookie: 'ferry_currency=USD' } })).text();
    const marker = '7391 in stock';

    expect(await page()).not.toContain(marker);
    // What a sync writes: the page stays cached until the product's tag is revalidated.
    await db.update(skus).set({ stock: 7391 }).where(eq(skus.id, sku!.id));
    try {
      expect(await page()).not.toContain(marker);
      const body = JSON.stringify({ tags: [cacheTags.product(product!.id)] });
      expect((await revalidate(body, signedNow(body))).status).toBe(200);
      let html = '';
      for (let i = 0; i < 20 && !html.includes(marker); i++) {
        html = await page();
        if (!html.includes(marker)) await new Promise((r) => setTimeout(r, 250));
      }
      expect(html).toContain(marker);
    } finally {
      await db.update(skus).set({ stock: sku!.stock }).where(eq(skus.id, sku!.id));
      const body = JSON.stringify({ tags: [cacheTags.product(product!.id)] });
      await revalidate(body, signedNow(body));
    }
  });
});
