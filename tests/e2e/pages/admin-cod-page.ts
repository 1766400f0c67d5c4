import { expect, type Locator, type Page } from '@playwright/test';

/** Staff's cash-on-delivery confirmation queue (/[locale]/admin/cod): one row per order waiting, with confirm and reject forms. */
export class AdminCodPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly table: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#main');
    this.heading = this.main.locator('h1');
    this.table = page.getByTestId('cod-queue');
    this.empty = this.main.locator('.admin-empty');
  }

  async open(locale = 'en') {
    const path = `/${locale}/admin/cod`;
    const response = await this.page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    await expect(this.heading).toBeVisible();
    return this;
  }

  row(number: string): Locator {
    return this.table.locator(`tr[data-order="${number}"]`);
  }

  phone(number: string): Locator {
    return this.row(number).getByTestId('cod-phone');
  }

  /** Confirms with an optional note; resolves once the order has left the queue. */
  async confirm(number: string, note = '') {
    const form = this.row(number).getByTestId('cod-confirm-form');
    if (note) await form.locator('input[name="note"]').fill(note);
    await form.locator('button[data-action="confirm"]').click();
    await expect(this.row(number)).toHaveCount(0, { timeout: 15_000 });
  }

  /** Rejects with a reason, accepting the browser's confirmation dialog. */
  async reject(number: string, reason: string) {
    const form = this.row(number).getByTestId('cod-reject-form');
    await form.locator('input[name="reason"]').fill(reason);
    this.page.once('dialog', (dialog) => void dialog.accept());
    await form.locator('button[data-action="reject"]').click();
  }
}
