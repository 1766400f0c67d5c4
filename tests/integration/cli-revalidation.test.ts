import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { runningServerFile } from '@/lib/cache/running-server';

// Runs against the production server that `npm test` starts (scripts/test.sh) on TEST_PORT, not 3000:
// `ferry stock set` must expire that server's cached product page, found from PORT alone (as a user
// runs `PORT=3456 npm run ferry -- …` beside `PORT=3456 npm run demo`) or from the demo's record.
const base = process.env.FERRY_TEST_BASE_URL;
const dbUrl = process.env.DATABASE_URL;
const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

let target: { skuId: number; slug: string; stock: number };
let earlierRecord: string | null = null;

/** The CLI as a user starts it: the test server's database and Redis, and only the origin variables given. */
async function ferry(args: string[], origin: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: dbUrl, ...origin };
  if (!('SITE_URL' in origin)) delete env.SITE_URL;
  if (!('PORT' in origin)) delete env.PORT;
  return run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], { cwd: root, env, timeout: 60_000 });
}

async function productPage(): Promise<string> {
  const response = await fetch(`${base}/en/p/${target.slug}`, { headers: { cookie: 'ferry_currency=USD' } });
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  const db = databaseFor(dbUrl!);
  // Recent products, past the very newest that storefront-cache.test.ts renders cold; no held units,
  // so the page shows the stock as set.
  const [row] = await db
    .select({ skuId: skus.id, slug: products.slug, stock: skus.stock })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(skus.reserved, 0), gt(skus.stock, 0), eq(products.isActive, 1)))
    .orderBy(desc(products.id), desc(skus.id))
    .offset(50)
    .limit(1);
  target = row!;
  earlierRecord = await readFile(runningServerFile, 'utf8').catch(() => null);
});

afterAll(async () => {
  if (earlierRecord === null) await rm(runningServerFile, { force: true });
  else await writeFile(runningServerFile, earlierRecord);
  if (target) await ferry(['stock', 'set', '--sku', String(target.skuId), '--quantity', String(target.stock)], { PORT: new URL(base!).port });
  await closeDatabases();
});

describe('ferry stock set reaches the server it belongs to', () => {
  it('expires the product page of a server on a non-default port given only PORT', async () => {
    const port = new URL(base!).port;
    expect(port).not.toBe('3000');
    await productPage(); // cached from here on (ISR): only a revalidation shows a new stock
    const quantity = 4000 + Math.floor(Math.random() * 900);
    expect(await productPage()).not.toContain(`${quantity} in stock`);

    const { stdout, stderr } = await ferry(['stock', 'set', '--sku', String(target.skuId), '--quantity', String(quantity)], { PORT: port });
    expect(JSON.parse(stdout)).toMatchObject({ skuId: target.skuId, stock: quantity });
    expect(stderr).not.toMatch(/not revalidated/);
    expect(await productPage()).toContain(`${quantity} in stock`);
  });

  it('finds a demo started on another port from its record when neither PORT nor SITE_URL is given', async () => {
    await mkdir(path.dirname(runningServerFile), { recursive: true });
    // What scripts/demo.sh writes; this test process stands in for the server's pid (it is alive).
    await writeFile(runningServerFile, JSON.stringify({ siteUrl: base, database: new URL(dbUrl!).pathname.slice(1), pid: process.pid }));
    await productPage();
    const quantity = 5000 + Math.floor(Math.random() * 900);
    const { stderr } = await ferry(['stock', 'set', '--sku', String(target.skuId), '--quantity', String(quantity)], {});
    expect(stderr).not.toMatch(/not revalidated/);
    expect(await productPage()).toContain(`${quantity} in stock`);
  });
});
