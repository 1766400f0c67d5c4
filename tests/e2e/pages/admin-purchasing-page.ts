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

  /** A shopper's note waiting to be read, found by its order number. */
  note(orderNumber: string): NoteToRead {
    return new NoteToRead(this.board.locator('section[data-section="notes"] tbody tr', { hasText: orderNumber }));
  }

  /** The placed purchase order's row, found by its reference (the board polls, so this waits). */
  placedRow(reference: string): Locator {
    return this.placed.locator('tr', { hasText: reference });
  }
}

/** The board's "Notes to read": one shopper's note, the Chinese draft, and "Release to buying". */
export class NoteToRead {
  readonly shopperNote: Locator;
  readonly sellerNote: Locator;
  readonly release: Locator;

  constructor(readonly row: Locator) {
    this.shopperNote = row.getByTestId('shopper-note');
    this.sellerNote = row.locator('textarea[name="sellerNote"]');
    this.release = row.getByTestId('release-note').locator('button[type="submit"]');
  }
}
