import { expect, type Locator, type Page } from '@playwright/test';
import { StorefrontPage } from './storefront-page';

export type AddressInput = {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  /** ISO code, e.g. "US". */
  country: string;
  phone: string;
};

export type BreakdownLine = 'items' | 'domesticShipping' | 'serviceFee' | 'valueAddedServices' | 'codFee' | 'discount' | 'total';

/** /{locale}/checkout: address, extra services, payment method, the breakdown and the place-order button. */
export class CheckoutPage extends StorefrontPage {
  readonly form: Locator;
  readonly error: Locator;
  readonly empty: Locator;
  readonly items: Locator;
  readonly addressSection: Locator;
  readonly newAddress: Locator;
  readonly breakdown: Locator;
  readonly total: Locator;
  readonly rate: Locator;
  readonly placeOrderButton: Locator;
  readonly cardPayment: Locator;
  readonly codPayment: Locator;

  constructor(page: Page) {
    super(page);
    this.form = this.main.getByTestId('checkout-form');
    this.error = this.main.getByTestId('checkout-error');
    this.empty = this.main.getByTestId('checkout-empty');
    this.items = this.main.locator('[data-testid="checkout-items"] > li');
    this.addressSection = this.main.getByTestId('address-section');
    this.newAddress = this.main.getByTestId('new-address');
    this.breakdown = this.main.getByTestId('breakdown');
    this.total = this.main.getByTestId('checkout-total');
    this.rate = this.main.getByTestId('checkout-rate');
    this.placeOrderButton = this.main.getByTestId('place-order');
    this.cardPayment = this.main.locator('#payment-card');
    this.codPayment = this.main.locator('#payment-cod');
  }

  async open(locale: string) {
    await this.goto(`/${locale}/checkout`);
    return this;
  }

  /** One breakdown row; `.locator('td[data-currency="CNY"]')` and `td[data-currency="EUR"]` hold its amounts. */
  breakdownRow(line: BreakdownLine): Locator {
    return this.breakdown.getByTestId(`breakdown-${line}`);
  }

  async amount(line: BreakdownLine, currency: string): Promise<string> {
    return (await this.breakdownRow(line).locator(`td[data-currency="${currency}"]`).textContent())?.trim() ?? '';
  }

  /** Picks the n-th saved address (0 = first listed, the default). */
  async chooseSavedAddress(index = 0) {
    await this.addressSection.locator('input[name="addressId"]:not([value="new"])').nth(index).check();
  }

  /** Chooses "a new address" when saved ones exist, then fills the fields (country first: it shapes the others). */
  async fillNewAddress(address: AddressInput) {
    const choice = this.addressSection.locator('#address-new');
    if (await choice.count()) await choice.check();
    await this.newAddress.locator('select[name="country"]').selectOption(address.country);
    await this.newAddress.locator('input[name="name"]').fill(address.name);
    await this.newAddress.locator('input[name="line1"]').fill(address.line1);
    if (address.line2) await this.newAddress.locator('input[name="line2"]').fill(address.line2);
    await this.newAddress.locator('input[name="city"]').fill(address.city);
    if (address.region) {
      const region = this.newAddress.locator('[name="region"]');
      if ((await region.evaluate((el) => el.tagName)) === 'SELECT') await region.selectOption(address.region);
      else await region.fill(address.region);
    }
    if (address.postalCode) await this.newAddress.locator('input[name="postalCode"]').fill(address.postalCode);
    await this.newAddress.locator('input[name="phone"]').fill(address.phone);
  }

  /** The field error shown under an address field, if any. */
  fieldError(field: keyof AddressInput): Locator {
    return this.newAddress.locator(`#field-${field}-error`);
  }

  async setService(service: 'extra_qc_photos' | 'careful_packing', on: boolean) {
    await this.main.locator(`#service-${service}`).setChecked(on);
  }

  async choosePayment(method: 'card' | 'cod') {
    await (method === 'card' ? this.cardPayment : this.codPayment).check();
  }

  /** Submits; resolves once the browser left the checkout page (the gateway's page, or the order page for COD). */
  async placeOrder() {
    await this.placeOrderButton.click();
    await this.page.waitForURL((url) => !url.pathname.endsWith('/checkout'), { timeout: 30_000 });
  }

  /** Submits and expects the page to stay with a new error (prices moved, stock, address); returns its text. */
  async placeOrderExpectingError(): Promise<string> {
    const previous = (await this.error.count()) ? await this.error.getAttribute('data-at') : null;
    await this.placeOrderButton.click();
    await expect(this.error).toBeVisible();
    if (previous !== null) await expect(this.error).not.toHaveAttribute('data-at', previous);
    return (await this.error.textContent())?.trim() ?? '';
  }
}
