import { expect, type Locator, type Page } from '@playwright/test';
import { StorefrontPage } from './storefront-page';

/** /{locale}/account/orders and /{locale}/account/orders/{number}: a shopper's orders. */
export class OrdersPage extends StorefrontPage {
  readonly rows: Locator;
  readonly empty: Locator;

  constructor(page: Page) {
    super(page);
    this.rows = this.main.getByTestId('order-row');
    this.empty = this.main.getByTestId('orders-empty');
  }

  async open(locale: string, page = 1) {
    await this.goto(`/${locale}/account/orders${page > 1 ? `?page=${page}` : ''}`);
    return this;
  }

  row(number: string): Locator {
    return this.main.locator(`[data-testid="order-row"][data-order-number="${number}"]`);
  }

  async numbers(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-number') ?? ''));
  }
}

export class OrderPage extends StorefrontPage {
  readonly article: Locator;
  readonly status: Locator;
  readonly payNow: Locator;
  readonly banner: Locator;
  readonly items: Locator;
  readonly payments: Locator;
  readonly breakdown: Locator;
  readonly rate: Locator;
  readonly address: Locator;
  readonly timeline: Locator;

  constructor(page: Page) {
    super(page);
    this.article = this.main.getByTestId('order-page');
    this.status = this.article.locator('h1 + p [data-testid="order-status"]');
    this.payNow = this.main.getByTestId('pay-now');
    this.banner = this.main.getByTestId('payment-banner');
    this.items = this.main.getByTestId('order-item');
    this.payments = this.main.locator('[data-testid="order-payments"] > li');
    this.breakdown = this.main.getByTestId('breakdown');
    this.rate = this.main.getByTestId('order-rate');
    this.address = this.main.getByTestId('order-address');
    this.timeline = this.main.locator('[data-testid="order-timeline"] > li');
  }

  async open(locale: string, number: string, payment?: 'succeeded' | 'failed' | 'processing') {
    await this.goto(`/${locale}/account/orders/${number}${payment ? `?payment=${payment}` : ''}`);
    return this;
  }

  /** The order number of the page the browser is on (after checkout redirected here). */
  number(): string {
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/account/orders/')[1] ?? '');
  }

  /** The order's status as the page's data attribute says it (stable across languages). */
  async statusCode(): Promise<string> {
    return (await this.article.getAttribute('data-status')) ?? '';
  }

  /** Waits until the page shows `status` (the poller refreshes it after the payment webhook). */
  async waitForStatus(status: string | RegExp, timeout = 30_000) {
    await expect(this.article).toHaveAttribute('data-status', status, { timeout });
  }

  /** The total in `currency` from the breakdown's last row. */
  async total(currency: string): Promise<string> {
    return (await this.breakdown.locator(`[data-testid="breakdown-total"] td[data-currency="${currency}"]`).textContent())?.trim() ?? '';
  }
}
