import { expect, type Locator, type Page } from '@playwright/test';

/** The receiving desk (/[locale]/admin/receiving): scan a parcel, receive its lines, and the parcels nobody expected. */
export class AdminReceivingPage {
  readonly heading: Locator;
  readonly tracking: Locator;
  readonly weight: Locator;
  readonly dims: Locator;
  readonly bin: Locator;
  readonly receivedRows: Locator;
  /** The scanned parcel's lines still to receive. */
  readonly lines: Locator;
  readonly unclaimedNotice: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('main#main h1');
    const form = page.getByTestId('receive-form');
    this.tracking = form.locator('input[name="trackingNumber"]');
    this.weight = form.locator('input[name="weightGrams"]');
    this.dims = form.locator('input[name="dims"]');
    this.bin = form.locator('input[name="bin"]');
    this.receivedRows = page.getByTestId('received-items').locator('tbody tr');
    this.lines = page.getByTestId('receive-lines').locator('li[data-item]');
    this.unclaimedNotice = page.getByTestId('receive-unclaimed');
    this.error = page.getByTestId('receive-error');
  }

  async open(locale: string) {
    const response = await this.page.goto(`/${locale}/admin/receiving`);
    expect(response?.status()).toBe(200);
    await expect(this.heading).toBeVisible();
    return this;
  }

  /** Types what a handheld scanner types (the number, then Enter), with a weight and size when given. */
  async scan(trackingNumber: string, measured: { weightGrams?: string; dims?: string; bin?: string } = {}) {
    if (measured.weightGrams) await this.weight.fill(measured.weightGrams);
    if (measured.dims) await this.dims.fill(measured.dims);
    if (measured.bin) await this.bin.fill(measured.bin);
    await this.tracking.fill(trackingNumber);
    await this.answerTo(this.page.getByTestId('receive-result'), () => this.tracking.press('Enter'));
  }

  /** Does `act` and waits until `answer` shows its answer (a new `data-at`): the form is settled, ready for the next scan. */
  private async answerTo(answer: Locator, act: () => Promise<void>) {
    const previous = await answer.getAttribute('data-at');
    const answered = this.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/receiving'));
    await act();
    await answered;
    await expect(answer).toHaveAttribute('data-at', previous ? new RegExp(`^(?!${previous}$)\\d+$`) : /^\d+$/);
  }

  /** What was found for one line still to receive: an outcome other than all, with the pieces that came and a note. */
  async found(line: Locator, outcome: 'short' | 'damaged' | 'wrong_item' | 'skip', details: { received?: string; note?: string } = {}) {
    await line.getByTestId('line-outcome').selectOption(outcome);
    if (details.received !== undefined) await line.getByTestId('line-received').fill(details.received);
    if (details.note !== undefined) await line.getByTestId('line-note').fill(details.note);
  }

  /** Receives the scanned parcel's lines as filled in. */
  async receiveLines() {
    await this.answerTo(this.page.getByTestId('parcel'), () => this.page.getByTestId('receive-lines-submit').click());
  }

  unclaimedRow(trackingNumber: string): Locator {
    return this.page.getByTestId('unclaimed-parcels').locator('tr', { hasText: trackingNumber });
  }
}
