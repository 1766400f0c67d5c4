import type { Locator, Page } from '@playwright/test';
import { StorefrontPage } from './storefront-page';

export class HomePage extends StorefrontPage {
  readonly categoryTiles: Locator;

  constructor(page: Page) {
    super(page);
    this.categoryTiles = page.locator('ul.category-tiles a');
  }

  async open(locale = 'en') {
    await this.goto(`/${locale}`);
    return this;
  }
}
