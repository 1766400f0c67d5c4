import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { categories, products, productTranslations, searchTerms } from '@/db/schema/catalog';
import { cacheTags } from '@/lib/cache/tags';
import { revalidateHeaders } from '@/lib/cache/revalidate-signature';
import { parseEnv } from '@/lib/env';

// Runs against the production server that `npm test` starts (scripts/test.sh) with
// FERRY_DEBUG_STATS=1, on the seeded test database: category and search pages are cached pages
// like products, per locale and currency, and a catalog write's tags move changes onto them.
const base = process.env.FERRY_TEST_BASE_URL;
const dbUrl = process.env.DATABASE_URL;
const secretKey = parseEnv(process.env).FERRY_SECRET_KEY;

let product: { id: number; price: number };
let originalTitle: string;
let categoryPath = '';
let searchPath = '';

async function queries(): Promise<number> {
  const res = await fetch(`${base}/api/internal/stats`);
  return ((await res.json()) as { queries: number }).queries;
}

async function get(path: string, currency = 'USD') {
  const res = await fetch(`${base}${path}`, { headers: { cookie: `ferry_currency=${currency}` }, redirect: 'manual' });
  return { status: res.status, cache: res.headers.get('x-nextjs-cache'), html: await res.text() };
}

/** Expires tags the way a catalog sync does for a changed product (lib/catalog/sync/run-catalog-sync.ts). */
async function revalidate(tags: string[]) {
  const body = JSON.stringify({ tags });
  const res = await fetch(`${base}/api/internal/revalidate`, { method: 'POST', headers: { 'content-type': 'application/json', ...revalidateHeaders(secretKey, body) }, body });
  expect(res.status).toBe(200);
}

async function eventually(path: string, marker: string, currency?: string): Promise<string> {
  let html = '';
  for (let i = 0; i < 20 && !html.includes(marker); i++) {
    html = (await get(path, currency)).html;
    if (!html.includes(marker)) await new Promise((r) => setTimeout(r, 250));
  }
  return html;
}

/** The amounts on a page (every <Money> run). */
const amounts = (html: string) => [...html.matchAll(/data-money="">([^<]+)</g)].map((m) => m[1]!);

beforeAll(async () => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  const db = databaseFor(dbUrl!);
  // The most popular product is the first card of its category's plain page.
  const [top] = await db
    .select({ id: products.id, price: products.priceMinMinor, category: categories.slug })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.isActive, 1))
    .orderBy(desc(products.salesCount), asc(products.id))
    .limit(1);
  const [title] = await db.select({ title: productTranslations.title }).from(productTranslations).where(and(eq(productTranslations.productId, top!.id), eq(productTranslations.locale, 'en')));
  // Its rarest search word puts it on the first page of that search.
  const [term] = await db
    .select({ term: searchTerms.term })
    .from(searchTerms)
    .where(eq(searchTerms.productId, top!.id))
    .orderBy(sql`(select count(*) from search_terms t where t.term = ${searchTerms.term})`, asc(searchTerms.term))
    .limit(1);
  product = { id: top!.id, price: top!.price };
  originalTitle = title!.title;
  categoryPath = `/en/c/${top!.category}`;
  searchPath = `/en/search?q=${encodeURIComponent(term!.term)}`;
});

afterAll(() => closeDatabases());

describe('category and search pages (live server)', () => {
  it('serve the plain page, page 2, a filtered view and a search from the page cache: no SQL on repeat', async () => {
    const paths = [categoryPath, `${categoryPath}?page=2`, `${categoryPath}?sort=price-asc&min=1`, searchPath];
    for (const path of paths) {
      expect((await get(path)).status, path).toBe(200);
      await get(path);
    }
    const before = await queries();
    for (const path of paths) expect((await get(path)).cache, path).toBe('HIT');
    // Another spelling of a view is the same page.
    expect((await get(`${categoryPath}?page=02&sort=popular&utm_source=mail`)).cache).toBe('HIT');
    expect((await queries()) - before).toBe(0);
  });

  it('show a new title and price once the catalog write revalidates the listing, not before', async () => {
    const db = databaseFor(dbUrl!);
    const title = `Listing Cache Probe ${product.id}`;
    const price = 'CN¥1,234.56';
    for (const path of [categoryPath, searchPath]) expect((await get(path)).html, path).not.toContain(title);
    await db.update(productTranslations).set({ title }).where(and(eq(productTranslations.productId, product.id), eq(productTranslations.locale, 'en')));
    await db.update(products).set({ priceMinMinor: 123456 }).where(eq(products.id, product.id));
    try {
      // Written, not yet revalidated: the cached pages still show what they showed.
      for (const path of [categoryPath, searchPath]) expect((await get(path)).html, path).not.toContain(title);
      await revalidate([cacheTags.product(product.id), cacheTags.listing]);
      for (const path of [categoryPath, searchPath]) {
        const html = await eventually(path, title);
        expect(html, path).toContain(title);
        expect(amounts(html), path).toContain(price);
      }
      // The other currency's cached copy of the same URL follows too.
      expect(amounts(await eventually(categoryPath, title, 'EUR'))).toContain(price);
    } finally {
      await db.update(productTranslations).set({ title: originalTitle }).where(and(eq(productTranslations.productId, product.id), eq(productTranslations.locale, 'en')));
      await db.update(products).set({ priceMinMinor: product.price }).where(eq(products.id, product.id));
      await revalidate([cacheTags.product(product.id), cacheTags.listing]);
    }
  });

  it('keep one cached copy per locale and currency: no German on the English page, no dollars on the euro page', async () => {
    const dePath = categoryPath.replace(/^\/en\//, '/de/');
    const pages = [
      { path: categoryPath, currency: 'USD', lang: 'en', count: /\d+ products?</, symbol: '$', not: '€' },
      { path: categoryPath, currency: 'EUR', lang: 'en', count: /\d+ products?</, symbol: '€', not: '$' },
      { path: dePath, currency: 'EUR', lang: 'de', count: /\d+ Produkte?</, symbol: '€', not: '$' },
      { path: dePath, currency: 'USD', lang: 'de', count: /\d+ Produkte?</, symbol: '$', not: '€' },
      { path: searchPath, currency: 'EUR', lang: 'en', count: /\d+ products?</, symbol: '€', not: '$' },
    ];
    // Twice round, so the second visit of each is served from the cache the others filled.
    for (let round = 0; round < 2; round++) {
      for (const page of pages) {
        const { status, html } = await get(page.path, page.currency);
        const label = `${page.path} ${page.currency} (round ${round + 1})`;
        expect(status, label).toBe(200);
        expect(html, label).toContain(`<html lang="${page.lang}"`);
        expect(html, label).toMatch(page.count);
        if (page.lang === 'en') expect(html, label).not.toMatch(/Produkte?</);
        const shown = amounts(html).filter((a) => !a.includes('CN¥'));
        expect(shown.length, label).toBeGreaterThan(0);
        for (const amount of shown) {
          expect(amount, label).toContain(page.symbol);
          expect(amount, label).not.toContain(page.not);
        }
      }
    }
  });
});
