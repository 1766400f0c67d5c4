import { expect, type Locator, type Page } from '@playwright/test';

/** /{locale}/admin/purchasing: the queue, work in progress, failures and placed upstream orders. */
export class AdminPurchasingPage {
  readonly board: Locator;
  readonly placed: Locator;

  constructor(readonly page: Page) {
    this.board = page.getByTestId('purchasing-board');
    this.placed = this.board.locator('section[data-section="placed"]');
  }

  async open(locale: string) {
    await this.page.goto(`/${locale}/admin/purchasing`);
    await expect(this.board).toBeVisible();
    return this;
  }

  /** The placed purchase order's row, found by its reference (the board polls, so this waits). */
  placedRow(reference: string): Locator {
    return this.placed.locator('tr', { hasText: reference });
  }
}
