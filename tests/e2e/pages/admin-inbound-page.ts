import { expect, type Locator, type Page } from '@playwright/test';

/** Staff's expected parcels (/[locale]/admin/inbound): parcels sellers sent, and the late ones with the seller to chase. */
export class AdminInboundPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly table: Locator;
  readonly lateRule: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#main');
    this.heading = this.main.locator('h1');
    this.table = page.getByTestId('inbound-table');
    this.lateRule = page.getByTestId('inbound-late-rule');
  }

  async open(locale: string, view: 'expected' | 'late' = 'expected') {
    const path = `/${locale}/admin/inbound${view === 'expected' ? '' : `?view=${view}`}`;
    const response = await this.page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    await expect(this.heading).toBeVisible();
    return this;
  }

  parcel(trackingNumber: string): Locator {
    return this.main.locator(`[data-testid="inbound-parcel"][data-tracking="${trackingNumber}"]`);
  }
}
