import { expect, type Locator, type Page } from '@playwright/test';

/** Parses a displayed price ("$1,234.56", "¥868", "1,234.56 د.إ.") into a number. */
export function priceValue(text: string): number {
  const digits = text.replace(/[^\d.]/g, '').replace(/^\.+|\.+$/g, '');
  const value = Number.parseFloat(digits);
  if (Number.isNaN(value)) throw new Error(`not a price: ${JSON.stringify(text)}`);
  return value;
}

/** The chrome every storefront page shares: header menus, search, JSON-LD, document language. */
export class StorefrontPage {
  readonly header: Locator;
  readonly main: Locator;
  readonly skipLink: Locator;
  readonly searchInput: Locator;
  readonly languageMenu: Locator;
  readonly currencyMenu: Locator;
  readonly currentCurrency: Locator;
  readonly productCards: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator('header.site-header');
    this.main = page.locator('main#main');
    this.skipLink = this.header.locator('a.skip-link');
    this.searchInput = this.header.locator('input[name="q"]');
    this.languageMenu = this.header.locator('details.menu', { has: page.locator('a[hreflang]') });
    this.currentCurrency = this.header.getByTestId('currency-current');
    this.currencyMenu = this.header.locator('details.menu', { has: page.getByTestId('currency-current') });
    this.productCards = this.main.locator('ul.grid > li.card');
  }

  async goto(path: string) {
    const response = await this.page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    return this;
  }

  /** Opens the language menu and follows the link named `name` (e.g. "العربية"). */
  async switchLanguage(name: string) {
    await this.languageMenu.locator('summary').click();
    const link = this.languageMenu.getByRole('link', { name, exact: true });
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    await link.click();
    await this.page.waitForURL((url) => url.pathname === href);
  }

  /** Opens the currency menu and picks `code`; the proxy stores it and redirects to the clean URL. */
  async switchCurrency(code: string) {
    await this.currencyMenu.locator('summary').click();
    const link = this.currencyMenu.getByRole('link', { name: code, exact: true });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain(`/${code}`);
    const clean = href.replace(`/${code}`, '');
    await link.click();
    await this.page.waitForURL((url) => url.pathname === clean);
    await expect(this.currentCurrency).toHaveText(code);
  }

  /** Submits the header search; resolves once the browser has left the current URL. */
  async search(query: string) {
    const before = this.page.url();
    await this.searchInput.fill(query);
    await this.searchInput.press('Enter');
    await this.page.waitForURL((url) => url.href !== before);
  }

  async cardLinks(): Promise<string[]> {
    return this.productCards.locator('a.card-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  }

  async cardPrices(): Promise<number[]> {
    return (await this.productCards.locator('.card-price strong').allTextContents()).map(priceValue);
  }

  /** Every JSON-LD block on the page, parsed; arrays are flattened. */
  async jsonLd(): Promise<Array<Record<string, unknown>>> {
    const blocks = await this.page.locator('script[type="application/ld+json"]').allTextContents();
    return blocks.flatMap((text) => {
      const data = JSON.parse(text) as unknown;
      return (Array.isArray(data) ? data : [data]) as Array<Record<string, unknown>>;
    });
  }

  async jsonLdOfType(type: string): Promise<Record<string, unknown>> {
    const found = (await this.jsonLd()).find((d) => d['@type'] === type);
    expect(found, `JSON-LD of @type ${type}`).toBeDefined();
    return found!;
  }
}
