import { expect, type Locator, type Page } from '@playwright/test';

/** The admin's settings form (/[locale]/admin/settings): one number field per setting, named by its key. */
export class AdminSettingsPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly status: Locator;
  readonly fieldErrors: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#main');
    this.heading = this.main.locator('h1');
    this.form = page.getByTestId('settings-form');
    this.saveButton = this.form.locator('button[type="submit"]');
    this.status = page.getByTestId('settings-status');
    this.fieldErrors = this.form.getByTestId('setting-error');
  }

  async open(locale = 'en') {
    const path = `/${locale}/admin/settings`;
    const response = await this.page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    await expect(this.heading).toBeVisible();
    return this;
  }

  field(key: string): Locator {
    return this.form.locator(`input[name="${key}"]`);
  }

  /** The error shown beside one setting, if any. */
  errorOf(key: string): Locator {
    return this.form.locator(`[data-setting="${key}"]`).getByTestId('setting-error');
  }

  async set(key: string, value: string) {
    await this.field(key).fill(value);
  }

  async save() {
    await this.saveButton.click();
    await expect(this.saveButton).toBeEnabled();
  }
}
