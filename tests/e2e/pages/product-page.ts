import { expect, type Locator, type Page } from '@playwright/test';
import { StorefrontPage } from './storefront-page';

export class ProductPage extends StorefrontPage {
  readonly title: Locator;
  readonly breadcrumbs: Locator;
  readonly galleryImage: Locator;
  readonly specGroups: Locator;
  readonly specOptions: Locator;
  readonly skuPrice: Locator;
  readonly skuStock: Locator;
  readonly priceRange: Locator;
  readonly sourceLink: Locator;
  readonly fallbackNotice: Locator;
  readonly quantityInput: Locator;
  readonly addToCartButton: Locator;
  readonly addedNotice: Locator;
  readonly cartError: Locator;

  constructor(page: Page) {
    super(page);
    this.title = this.main.locator('article.product h1');
    this.breadcrumbs = this.main.locator('nav.breadcrumbs');
    this.galleryImage = this.main.locator('section.gallery img.gallery-main');
    this.specGroups = this.main.locator('fieldset.spec-group');
    this.specOptions = this.main.locator('button.spec-option');
    this.skuPrice = page.getByTestId('sku-price');
    this.skuStock = page.getByTestId('sku-stock');
    this.priceRange = this.main.locator('p.price-range');
    this.sourceLink = this.main.locator('dl.facts a[target="_blank"]');
    this.fallbackNotice = page.getByTestId('translation-fallback');
    this.quantityInput = this.main.locator('#purchase-quantity');
    this.addToCartButton = page.getByTestId('add-to-cart');
    this.addedNotice = page.getByTestId('cart-added');
    this.cartError = page.getByTestId('cart-error');
  }

  async open(locale: string, slug: string) {
    await this.goto(`/${locale}/p/${slug}`);
    return this;
  }

  /** Adds the selected SKU; resolves when the page confirms it ("Added — view cart"), throws with the page's refusal. */
  async addToCart(quantity = 1) {
    const answer = this.addedNotice.or(this.cartError);
    const previous = (await answer.count()) ? await answer.getAttribute('data-at') : null;
    await this.quantityInput.fill(String(quantity));
    await this.addToCartButton.click();
    await expect(answer).toBeVisible();
    if (previous !== null) await expect(answer).not.toHaveAttribute('data-at', previous);
    if (await this.cartError.count()) throw new Error(`Add to cart refused: ${await this.cartError.textContent()}`);
  }

  /** The slug of the current product page URL. */
  slug(): string {
    return new URL(this.page.url()).pathname.split('/p/')[1] ?? '';
  }
}
