import en from '../../messages/en.json' with { type: 'json' };
import { expect, test } from './fixtures';

test.describe('search', () => {
  test('a Chinese keyword from the header finds products that link to product pages', async ({ page, storefront, product }) => {
    await storefront.goto('/en');
    await storefront.search('连衣裙');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/search');
    expect(url.searchParams.get('q')).toBe('连衣裙');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “连衣裙”');
    await expect(page.getByTestId('result-count')).toHaveText(/^[1-9][\d,]* products?$/);

    const links = await storefront.cardLinks();
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\/en\/p\/[a-z0-9-]+-\d+$/);

    await storefront.productCards.first().locator('a.card-link').click();
    await page.waitForURL((u) => u.pathname === links[0]);
    await expect(product.title).toBeVisible();
    // The product really is a dress: its Chinese title carries the word searched for.
    await expect(product.main.locator('article.product [lang="zh-CN"]').first()).toContainText('裙');
  });

  test('an English keyword from machine-translated titles finds products', async ({ page, storefront }) => {
    await storefront.goto('/en');
    await storefront.search('dress');
    await expect(page.getByTestId('result-count')).toHaveText(/^[1-9][\d,]* products?$/);
    const titles = await storefront.productCards.locator('.card-title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((t) => /dress/i.test(t))).toBe(true);
  });

  test('a nonsense word shows the no-results message', async ({ page, storefront }) => {
    await storefront.goto('/en');
    await storefront.search('zqxjvwpkq');
    await expect(page.getByRole('status')).toHaveText(en.search.noResults.replace('{query}', 'zqxjvwpkq'));
    await expect(storefront.productCards).toHaveCount(0);
    await expect(page.getByTestId('result-count')).toHaveCount(0);
  });

  test('pasting the 1688 link of a product we carry opens that product', async ({ page, storefront, product, productSlug }) => {
    await product.open('en', productSlug);
    const sourceUrl = (await product.sourceLink.getAttribute('href'))!;
    expect(sourceUrl).toMatch(/^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);

    await storefront.goto('/en/about');
    await storefront.search(sourceUrl);
    expect(new URL(page.url()).pathname).toBe(`/en/p/${productSlug}`);
    await expect(product.sourceLink).toHaveAttribute('href', sourceUrl);
  });

  test('an unsupported link explains which marketplaces work', async ({ page, storefront }) => {
    await storefront.goto('/en');
    await storefront.search('https://www.amazon.com/dp/B0000000');
    expect(new URL(page.url()).pathname).toBe('/en/search');
    await expect(page.getByRole('status')).toHaveText(en.search.linkUnsupported);
    await expect(storefront.productCards).toHaveCount(0);
  });
});
