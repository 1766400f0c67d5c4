import ar from '../../messages/ar.json' with { type: 'json' };
import { expect, test } from './fixtures';

test.describe('language', () => {
  test('switching to Arabic mirrors the page and marks English product text', async ({ page, product, productSlug }) => {
    await product.open('en', productSlug);
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await product.switchLanguage('العربية');

    expect(new URL(page.url()).pathname).toBe(`/ar/p/${productSlug}`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(product.header.getByRole('button', { name: ar.nav.searchButton, exact: true })).toBeVisible();
    await expect(product.breadcrumbs.getByRole('link', { name: ar.nav.home, exact: true })).toBeVisible();
    await expect(product.main.getByRole('heading', { name: ar.product.specifications })).toBeVisible();
    await expect(product.currentCurrency).toHaveText('AED'); // the Arabic default, no cookie yet

    // No Arabic translation in the seed: the English title is marked as such and explained.
    await expect(product.title).toHaveAttribute('lang', 'en');
    await expect(product.title).toHaveText(/[A-Za-z]/);
    await expect(product.fallbackNotice).toBeVisible();
    await expect(product.fallbackNotice).toHaveText(ar.product.translationFallback);
  });

  test('/ negotiates the locale from Accept-Language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'ja-JP', extraHTTPHeaders: { 'Accept-Language': 'ja,en;q=0.5' } });
    const page = await context.newPage();
    try {
      await page.goto('/');
      expect(new URL(page.url()).pathname).toBe('/ja');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      await expect(page.getByTestId('currency-current')).toHaveText('JPY');
    } finally {
      await context.close();
    }
  });
});

test.describe('currency', () => {
  test('JPY chosen in the menu shows whole yen, persists across pages and reloads, and reaches JSON-LD', async ({ page, context, product, category, productSlug }) => {
    await product.open('en', productSlug);
    await expect(product.currentCurrency).toHaveText('USD');
    await expect(product.skuPrice.locator('strong')).toHaveText(/^\$\d[\d,]*\.\d{2}$/);
    expect((await product.jsonLdOfType('Product')).offers).toMatchObject({ '@type': 'Offer', priceCurrency: 'USD' });

    await product.switchCurrency('JPY');
    expect(new URL(page.url()).pathname).toBe(`/en/p/${productSlug}`);
    await expect(product.skuPrice.locator('strong')).toHaveText(/^¥\d[\d,]*$/);
    await expect(product.priceRange).toHaveText(/^¥\d[\d,]*( – ¥\d[\d,]*)? \(CN¥/);
    const offers = (await product.jsonLdOfType('Product')).offers as Record<string, unknown>;
    expect(offers.priceCurrency).toBe('JPY');
    expect(offers.price).toMatch(/^\d+$/); // yen has no minor unit
    expect((await context.cookies()).find((c) => c.name === 'ferry_currency')?.value).toBe('JPY');

    // Another page, reached by a link: still yen.
    const crumb = product.breadcrumbs.getByRole('link').last();
    const categoryPath = (await crumb.getAttribute('href'))!;
    await crumb.click();
    await page.waitForURL((url) => url.pathname === categoryPath);
    await expect(category.currentCurrency).toHaveText('JPY');
    await expect(category.productCards.first()).toBeVisible();
    const prices = await category.productCards.locator('.card-price strong').allTextContents();
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(price).toMatch(/^¥\d[\d,]*$/);
    await expect(category.main.locator('form.filters legend')).toHaveText('Price (JPY)');

    // And after a reload, from the cookie alone.
    await page.reload();
    await expect(category.currentCurrency).toHaveText('JPY');
    await expect(category.productCards.first().locator('.card-price strong')).toHaveText(/^¥\d[\d,]*$/);
  });
});
