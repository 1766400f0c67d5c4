import { expect, type Locator, type Page } from '@playwright/test';
import { StorefrontPage } from './storefront-page';

type Parcel = { country: string; weightGrams: number; lengthCm: number; widthCm: number; heightCm: number; goods?: string[] };

/** The public shipping estimator (/[locale]/shipping): its GET form, the quoted lines and the unavailable ones. */
export class ShippingEstimatorPage extends StorefrontPage {
  readonly form: Locator;
  readonly results: Locator;
  readonly quoteRows: Locator;
  readonly unavailable: Locator;
  readonly noQuotes: Locator;

  constructor(page: Page) {
    super(page);
    this.form = page.getByTestId('estimator-form');
    this.results = page.getByTestId('estimator-results');
    this.quoteRows = this.results.getByTestId('quote-row');
    this.unavailable = this.results.getByTestId('unavailable-line');
    this.noQuotes = page.getByTestId('no-quotes');
  }

  async open(locale: string, query = '') {
    await this.goto(`/${locale}/shipping${query ? `?${query}` : ''}`);
    return this;
  }

  /** Fills the form and sends it; resolves once the page answers for that country. */
  async estimate(parcel: Parcel) {
    await this.form.locator('select[name="country"]').selectOption(parcel.country);
    for (const field of ['weightGrams', 'lengthCm', 'widthCm', 'heightCm'] as const) await this.form.locator(`input[name="${field}"]`).fill(String(parcel[field]));
    for (const box of await this.form.locator('input[name="goods"]').all()) {
      await box.setChecked((parcel.goods ?? []).includes((await box.getAttribute('value')) ?? ''));
    }
    await this.page.getByTestId('estimate-submit').click();
    await expect(this.page).toHaveURL((url) => url.searchParams.get('country') === parcel.country && url.searchParams.get('weightGrams') === String(parcel.weightGrams));
    await expect(this.results).toHaveAttribute('data-country', parcel.country);
  }

  row(code: string): Locator {
    return this.quoteRows.and(this.page.locator(`[data-line-code="${code}"]`));
  }

  unavailableLine(code: string): Locator {
    return this.unavailable.and(this.page.locator(`[data-line-code="${code}"]`));
  }

  /** A line's words without the Unicode isolates that wrap amounts and weights inside sentences. */
  async reasonOf(code: string): Promise<string> {
    await expect(this.unavailableLine(code)).toBeVisible();
    return ((await this.unavailableLine(code).textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
  }

  async prices(): Promise<number[]> {
    return (await this.quoteRows.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-price-cny')))));
  }
}
