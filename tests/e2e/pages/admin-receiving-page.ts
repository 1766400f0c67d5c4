import { expect, type Locator, type Page } from '@playwright/test';

/** The receiving desk (/[locale]/admin/receiving): scan a parcel in, and the parcels nobody expected. */
export class AdminReceivingPage {
  readonly heading: Locator;
  readonly tracking: Locator;
  readonly weight: Locator;
  readonly dims: Locator;
  readonly bin: Locator;
  readonly receivedRows: Locator;
  readonly unclaimedNotice: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('main#main h1');
    const form = page.getByTestId('receive-form');
    this.tracking = form.locator('input[name="trackingNumber"]');
    this.weight = form.locator('input[name="weightGrams"]');
    this.dims = form.locator('input[name="dims"]');
    this.bin = form.locator('input[name="bin"]');
    this.receivedRows = page.getByTestId('received-items').locator('tbody tr');
    this.unclaimedNotice = page.getByTestId('receive-unclaimed');
    this.error = page.getByTestId('receive-error');
  }

  async open(locale: string) {
    const response = await this.page.goto(`/${locale}/admin/receiving`);
    expect(response?.status()).toBe(200);
    await expect(this.heading).toBeVisible();
    return this;
  }

  /** Types what a handheld scanner types (the number, then Enter), with a weight and size when given. */
  async scan(trackingNumber: string, measured: { weightGrams?: string; dims?: string; bin?: string } = {}) {
    if (measured.weightGrams) await this.weight.fill(measured.weightGrams);
    if (measured.dims) await this.dims.fill(measured.dims);
    if (measured.bin) await this.bin.fill(measured.bin);
    await this.tracking.fill(trackingNumber);
    const answered = this.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/receiving'));
    await this.tracking.press('Enter');
    await answered;
  }

  unclaimedRow(trackingNumber: string): Locator {
    return this.page.getByTestId('unclaimed-parcels').locator('tr', { hasText: trackingNumber });
  }
}
