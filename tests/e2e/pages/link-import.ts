import type { Locator, Page } from '@playwright/test';

/** The paste box on the home and search pages. */
export class LinkImportBox {
  readonly form: Locator;
  readonly input: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.form = page.getByTestId('link-import-form').first();
    this.input = this.form.getByTestId('link-import-input');
    this.submit = this.form.getByTestId('link-import-submit');
    this.error = this.form.getByTestId('link-import-error');
  }

  async paste(link: string) {
    await this.input.fill(link);
    await this.submit.click();
  }
}
