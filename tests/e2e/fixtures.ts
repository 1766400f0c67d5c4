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
};

// Fixture callbacks name their continuation `provide`, not `use`: the React hooks lint rule misreads `use`.
export const test = base.extend<Fixtures>({
  storefront: async ({ page }, provide) => provide(new StorefrontPage(page)),
  home: async ({ page }, provide) => provide(new HomePage(page)),
  category: async ({ page }, provide) => provide(new CategoryPage(page)),
  product: async ({ page }, provide) => provide(new ProductPage(page)),
  productSlug: async ({ request }, provide) => {
    const html = await (await request.get('/en')).text();
    const slug = /href="\/en\/p\/([^"?#]+)"/.exec(html)?.[1];
    expect(slug, 'a product link on /en').toBeTruthy();
    await provide(slug!);
  },
});

export { expect };
