import { execFileSync } from 'node:child_process';
import { test as base, expect } from '@playwright/test';
import { CategoryPage } from './pages/category-page';
import { HomePage } from './pages/home-page';
import { ProductPage } from './pages/product-page';
import { StorefrontPage } from './pages/storefront-page';

type Fixtures = {
  storefront: StorefrontPage;
  home: HomePage;
  category: CategoryPage;
  product: ProductPage;
  /** Slug of a real product: the first "popular" card on the English home page. */
  productSlug: string;
  /** Runs before every test (auto): see below. */
  ownClientAddress: void;
};

/**
 * Every test is a different shopper or staff member, but Chromium reaches the test server from one
 * address (127.0.0.1), where the per-address limits (sign-in 20 per 15 min, sign-up 10 per hour,
 * checkout, link import) would soon refuse the journeys that come last. Before each test the
 * server's per-address counters are cleared, as if the test came from a new address; the per-email
 * and per-account limits stay, and the per-address limits themselves are tested in
 * tests/integration (sign-in-client-ip, rate limits).
 */
function clearPerAddressLimits(): void {
  const database = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry_test').pathname.slice(1);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // ip and ipHourly rules of every limiter: ferry:rl:<database>:<limiter>:<rule>:<address>:<window>.
  const keys = execFileSync('redis-cli', ['-u', redisUrl, '--scan', '--pattern', `ferry:rl:${database}:*:ip*`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  if (keys.length > 0) execFileSync('redis-cli', ['-u', redisUrl, 'del', ...keys], { stdio: 'pipe' });
}

// Fixture callbacks name their continuation `provide`, not `use`: the React hooks lint rule misreads `use`.
export const test = base.extend<Fixtures>({
  storefront: async ({ page }, provide) => provide(new StorefrontPage(page)),
  home: async ({ page }, provide) => provide(new HomePage(page)),
  category: async ({ page }, provide) => provide(new CategoryPage(page)),
  product: async ({ page }, provide) => provide(new ProductPage(page)),
  ownClientAddress: [
    async ({}, provide) => {
      clearPerAddressLimits();
      await provide();
    },
    { auto: true },
  ],
  productSlug: async ({ request }, provide) => {
    const html = await (await request.get('/en')).text();
    const slug = /href="\/en\/p\/([^"?#]+)"/.exec(html)?.[1];
    expect(slug, 'a product link on /en').toBeTruthy();
    await provide(slug!);
  },
});

export { expect };
