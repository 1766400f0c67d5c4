import { expect, type Locator, type Page } from '@playwright/test';

/** Finance's money movements search (/[locale]/admin/finance/ledger): a GET form, two views, totals and rows. */
export class AdminLedgerPage {
  readonly filters: Locator;
  readonly rows: Locator;
  readonly totals: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByTestId('ledger-filters');
    this.rows = page.getByTestId('ledger-rows').locator('tbody tr');
    this.totals = page.getByTestId('ledger-totals').locator('tbody tr');
    this.count = page.getByTestId('ledger-count');
  }

  /** Fills the named text fields (`email`, `order`, …) and submits the form, waiting for the new URL. */
  async search(fields: Record<string, string>, submitLabel: string) {
    for (const [name, value] of Object.entries(fields)) await this.filters.locator(`input[name="${name}"]`).fill(value);
    await this.filters.getByRole('button', { name: submitLabel }).click();
    await expect(this.page).toHaveURL((url) => Object.entries(fields).every(([name, value]) => url.searchParams.get(name) === value));
  }

  view(name: 'payments' | 'wallet'): Locator {
    return this.page.getByTestId(`ledger-view-${name}`);
  }
}
