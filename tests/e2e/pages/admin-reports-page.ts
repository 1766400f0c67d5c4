import { expect, type Locator, type Page } from '@playwright/test';

/** /admin/finance/reports: the filters, the uPlot chart and the table of the same figures. */
export class AdminReportsPage {
  readonly chart: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('profit-chart');
    this.table = page.getByTestId('profit-report');
  }

  /** `category`: an option's label as the page shows it (a category, "no category" or shipping); absent leaves it. */
  async show(filters: { from: string; to: string; grain: 'day' | 'week' | 'month'; currency: string; showLabel: string; category?: string }) {
    const form = this.page.getByRole('search');
    await form.locator('select[name="currency"]').selectOption(filters.currency);
    if (filters.category) await form.locator('select[name="category"]').selectOption({ label: filters.category });
    await form.locator('input[name="from"]').fill(filters.from);
    await form.locator('input[name="to"]').fill(filters.to);
    await form.locator('select[name="grain"]').selectOption(filters.grain);
    await this.page.getByRole('button', { name: filters.showLabel }).click();
    await expect(this.page).toHaveURL((url) => url.searchParams.get('grain') === filters.grain);
  }

  /** The chart's series names as its legend shows them (uPlot writes the legend as a table). */
  legend(): Locator {
    return this.chart.locator('.u-legend .u-series .u-label');
  }
}
