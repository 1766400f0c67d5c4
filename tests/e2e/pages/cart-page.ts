import { expect, type Locator, type Page } from '@playwright/test';
import { StorefrontPage } from './storefront-page';

/** /{locale}/cart: lines grouped by seller, quantity and remark per line, the summary and the way to checkout. */
export class CartPage extends StorefrontPage {
  readonly sellers: Locator;
  readonly lines: Locator;
  readonly empty: Locator;
  readonly subtotal: Locator;
  readonly checkoutButton: Locator;
  readonly signInToCheckout: Locator;
  /** The header badge's number (absent while the cart is empty). */
  readonly badgeCount: Locator;
  readonly cartLink: Locator;

  constructor(page: Page) {
    super(page);
    this.sellers = this.main.getByTestId('cart-seller');
    this.lines = this.main.getByTestId('cart-line');
    this.empty = this.main.getByTestId('cart-empty');
    this.subtotal = this.main.getByTestId('cart-subtotal');
    this.checkoutButton = this.main.getByTestId('go-to-checkout');
    this.signInToCheckout = this.main.getByTestId('sign-in-to-checkout');
    this.badgeCount = this.header.getByTestId('cart-count');
    this.cartLink = this.header.getByTestId('cart-link');
  }

  async open(locale: string) {
    await this.goto(`/${locale}/cart`);
    return this;
  }

  /** A line by its SKU id (data-sku-id), or the n-th line. */
  line(which: { skuId: number } | { index: number }): CartLine {
    const root = 'skuId' in which ? this.main.locator(`[data-testid="cart-line"][data-sku-id="${which.skuId}"]`) : this.lines.nth(which.index);
    return new CartLine(this.page, root);
  }

  async skuIds(): Promise<number[]> {
    return this.lines.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-sku-id'))));
  }

  async goToCheckout() {
    await this.checkoutButton.click();
    await this.page.waitForURL((url) => url.pathname.endsWith('/checkout'));
  }
}

export class CartLine {
  readonly quantity: Locator;
  readonly remark: Locator;
  readonly save: Locator;
  readonly remove: Locator;
  readonly error: Locator;
  readonly unitPrice: Locator;
  readonly total: Locator;
  readonly title: Locator;

  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {
    this.quantity = root.getByTestId('line-quantity');
    this.remark = root.getByTestId('line-remark');
    this.save = root.getByTestId('line-update');
    this.remove = root.getByTestId('line-remove');
    this.error = root.getByTestId('line-error');
    this.unitPrice = root.getByTestId('line-unit-price');
    this.total = root.getByTestId('line-total');
    this.title = root.locator('.cart-line-title a');
  }

  /** Sets quantity (and remark when given) and waits for the server's answer. */
  async update(quantity: number, remark?: string) {
    await this.quantity.fill(String(quantity));
    if (remark !== undefined) await this.remark.fill(remark);
    await this.save.click();
    await expect(this.save).toBeEnabled();
  }

  async removeLine() {
    await this.remove.click();
    await expect(this.root).toHaveCount(0);
  }
}
