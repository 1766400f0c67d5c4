import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { webhookEvents } from '@/db/schema/payments';

// Against the server and the 1688 sandbox that `npm test` starts (scripts/test.sh): the sandbox
// pushes a signed stock message to the server when an offer's stock changes upstream, and the
// cached product page must follow without anyone touching Ferry.
const base = process.env.FERRY_TEST_BASE_URL;
const dbUrl = process.env.DATABASE_URL;
const sandbox = process.env.ALIBABA_1688_BASE_URL;

afterAll(() => closeDatabases());

async function setUpstreamStock(offerId: string, skuId: string, stock: number) {
  const response = await fetch(`${sandbox}/__sandbox/offers/${offerId}/skus/${skuId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ stock }),
  });
  expect(response.status).toBe(200);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe('1688 stock push → product page (live server and sandbox)', () => {
  it('needs the test server and its sandbox', () => {
    expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
    expect(sandbox).toBeTruthy();
  });

  it('moves an upstream stock change onto the cached product page within seconds', async () => {
    const db = databaseFor(dbUrl!);
    const [product] = await db
      .select({ id: products.id, slug: products.slug, sourceId: products.sourceId })
      .from(products)
      .where(and(eq(products.isActive, 1), eq(products.platform, '1688')))
      .orderBy(asc(products.id))
      .limit(1);
    const [sku] = await db.select({ id: skus.id, sourceSkuId: skus.sourceSkuId, stock: skus.stock }).from(skus).where(eq(skus.productId, product!.id)).orderBy(asc(skus.id)).limit(1);
    const url = `${base}/en/p/${product!.slug}`;
    const page = async () => (await fetch(url, { headers: { cookie: 'ferry_currency=USD' } })).text();
    const marker = '6173 in stock';
    expect(await page()).not.toContain(marker);

    const pushedAt = Date.now();
    await setUpstreamStock(product!.sourceId, sku!.sourceSkuId, 6173);
    try {
      const applied = await waitFor(async () => (await db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, sku!.id)))[0]!.stock === 6173, 10_000);
      expect(applied, 'the shadow stock follows the push').toBe(true);
      const stored = await db.select({ processedAt: webhookEvents.processedAt, error: webhookEvents.error }).from(webhookEvents).where(eq(webhookEvents.source, '1688'));
      expect(stored.some((e) => e.processedAt !== null && e.error === null)).toBe(true);
      const shown = await waitFor(async () => (await page()).includes(marker), 10_000);
      expect(shown, 'the cached product page shows the new stock').toBe(true);
      expect(Date.now() - pushedAt).toBeLessThan(20_000);
    } finally {
      await setUpstreamStock(product!.sourceId, sku!.sourceSkuId, sku!.stock);
    }
  });
});
