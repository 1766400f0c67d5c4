import { expect, type Locator, type Page } from '@playwright/test';

/** /admin/shipping/lines and a line's edit form. */
export class AdminShippingLinesPage {
  readonly table: Locator;
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('shipping-lines');
    this.form = page.getByTestId('shipping-line-form');
    this.saveButton = page.getByTestId('shipping-line-save');
    this.status = page.getByTestId('shipping-line-status');
  }

  row(code: string): Locator {
    return this.table.locator(`tr[data-code="${code}"]`);
  }

  async edit(code: string) {
    await this.row(code).getByTestId('edit-shipping-line').click();
    await expect(this.form).toBeVisible();
  }

  field(name: string): Locator {
    return this.form.locator(`[name="${name}"]`);
  }

  errorOf(name: string): Locator {
    return this.page.getByTestId(`line-error-${name}`);
  }

  async save() {
    await this.saveButton.click();
    await expect(this.saveButton).toBeEnabled();
  }
}
