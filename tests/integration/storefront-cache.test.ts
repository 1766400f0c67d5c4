import { desc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { products } from '@/db/schema/catalog';

// Runs against the production server that `npm test` starts (scripts/test.sh) with
// FERRY_DEBUG_STATS=1, on the seeded test database.
const base = process.env.FERRY_TEST_BASE_URL;
const dbUrl = process.env.DATABASE_URL;

async function queries(): Promise<number> {
  const res = await fetch(`${base}/api/internal/stats`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { queries: number }).queries;
}

afterAll(() => closeDatabases());

describe('product page cache (live server)', () => {
  it('needs the test server', () => {
    expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
    expect(dbUrl).toBeTruthy();
  });

  it('costs at most 3 SQL queries on a cold cache and none once cached', async () => {
    // The newest products are the least likely to have been rendered by anything else.
    const [p] = await databaseFor(dbUrl!).select({ slug: products.slug }).from(products).orderBy(desc(products.id)).limit(1);
    const url = `${base}/ko/p/${p!.slug}`;
    const headers = { cookie: 'ferry_currency=KRW' };

    const before = await queries();
    const cold = await fetch(url, { headers });
    expect(cold.status).toBe(200);
    const html = await cold.text();
    expect(html).toContain('₩');
    const afterCold = await queries();
    expect(afterCold - before).toBeLessThanOrEqual(3);

    for (let i = 0; i < 3; i++) expect((await fetch(url, { headers })).status).toBe(200);
    expect((await queries()) - afterCold).toBe(0);
  });

  it('answers unknown products with a real 404', async () => {
    expect((await fetch(`${base}/en/p/no-such-thing-99999999`)).status).toBe(404);
    expect((await fetch(`${base}/en/p/not-a-slug`)).status).toBe(404);
    expect((await fetch(`${base}/en/c/no-such-category`)).status).toBe(404);
  });
});
