import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Landmark rules at any impact: each landmark must be findable by a unique name. */
async function landmarkViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withRules(['landmark-unique', 'landmark-one-main', 'landmark-no-duplicate-banner', 'region']).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test.describe('accessibility (axe: no serious or critical violations)', () => {
  for (const locale of ['en', 'ar']) {
    test(`home (${locale})`, async ({ page, home }) => {
      await home.open(locale);
      await expect(home.categoryTiles.first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test(`category page (${locale})`, async ({ page, home, category }) => {
      await home.open(locale);
      const href = (await home.categoryTiles.first().getAttribute('href'))!;
      await category.goto(href);
      await expect(category.productCards.first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await landmarkViolations(page)).toEqual([]);
    });

    test(`product page (${locale})`, async ({ page, product, productSlug }) => {
      await product.open(locale, productSlug);
      await expect(product.galleryImage).toBeVisible();
      await expect(page.getByTestId('product-shipping-cheapest')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test(`shipping estimator (${locale}), with quotes and with a refused field`, async ({ page, storefront }) => {
      await storefront.goto(`/${locale}/shipping?country=DE&weightGrams=1200&lengthCm=30&widthCm=20&heightCm=10`);
      await expect(page.getByTestId('quote-row').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await landmarkViolations(page)).toEqual([]);
      await storefront.goto(`/${locale}/shipping?country=DE&weightGrams=0&lengthCm=30&widthCm=20&heightCm=10`);
      await expect(page.getByTestId('error-weightGrams')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('search results (en) keep one search landmark', async ({ page, storefront }) => {
    await storefront.goto('/en/search?q=dress');
    await expect(storefront.productCards.first()).toBeVisible();
    await expect(page.getByRole('search')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await landmarkViolations(page)).toEqual([]);
  });
});
