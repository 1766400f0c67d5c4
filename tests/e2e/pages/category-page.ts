import { expect, type Locator, type Page } from '@playwright/test';
import { StorefrontPage } from './storefront-page';

export class CategoryPage extends StorefrontPage {
  readonly heading: Locator;
  readonly resultCount: Locator;
  readonly sortSelect: Locator;
  readonly applyButton: Locator;
  readonly pagination: Locator;

  constructor(page: Page) {
    super(page);
    this.heading = this.main.locator('h1');
    this.resultCount = page.getByTestId('result-count');
    this.sortSelect = this.main.locator('form.filters select[name="sort"]');
    this.applyButton = this.main.locator('form.filters button[type="submit"]');
    this.pagination = this.main.locator('nav.pagination');
  }

  /** The number in "143 products". */
  async total(): Promise<number> {
    const text = (await this.resultCount.textContent()) ?? '';
    const match = /\d[\d,]*/.exec(text);
    expect(match, `result count in ${JSON.stringify(text)}`).not.toBeNull();
    return Number(match![0].replace(/,/g, ''));
  }

  async sortBy(value: 'popular' | 'price-asc' | 'price-desc' | 'newest') {
    await this.sortSelect.selectOption(value);
    await this.applyButton.click();
    await this.page.waitForURL((url) => url.searchParams.get('sort') === value);
  }

  async goToPage(n: number) {
    await this.pagination.getByRole('link', { name: String(n), exact: true }).click();
    await this.page.waitForURL((url) => url.searchParams.get('page') === String(n));
    await expect(this.pagination.locator('[aria-current="page"]')).toHaveText(String(n));
  }
}
