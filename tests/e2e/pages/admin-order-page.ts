import { expect, type Locator, type Page } from '@playwright/test';

/** One order for staff (/[locale]/admin/orders/[number]): status, lines, money, ledger, history and the transition buttons. */
export class AdminOrderPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly status: Locator;
  readonly version: Locator;
  readonly transitionForm: Locator;
  readonly reasonInput: Locator;
  readonly transitionButtons: Locator;
  readonly noActions: Locator;
  readonly error: Locator;
  readonly items: Locator;
  readonly breakdown: Locator;
  readonly chargeTotal: Locator;
  readonly pinnedRate: Locator;
  readonly customer: Locator;
  readonly shippingAddress: Locator;
  readonly ledger: Locator;
  readonly ledgerRows: Locator;
  readonly events: Locator;
  readonly audit: Locator;
  readonly auditRows: Locator;
  readonly refundForm: Locator;
  readonly refundError: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#main');
    this.heading = this.main.locator('h1');
    this.status = page.getByTestId('order-status');
    this.version = page.getByTestId('order-version');
    this.transitionForm = page.getByTestId('transition-form');
    this.reasonInput = this.transitionForm.locator('input[name="reason"]');
    this.transitionButtons = this.transitionForm.locator('button[name="to"]');
    this.noActions = this.main.locator('section.admin-panel p.muted');
    this.error = this.main.locator('.admin-error[role="alert"]');
    this.items = page.getByTestId('order-items').locator('tbody tr');
    this.breakdown = page.getByTestId('order-breakdown');
    this.chargeTotal = page.getByTestId('charge-total');
    this.pinnedRate = page.getByTestId('pinned-rate');
    this.customer = page.getByTestId('order-customer');
    this.shippingAddress = page.getByTestId('shipping-address');
    this.ledger = page.getByTestId('payment-ledger');
    this.ledgerRows = this.ledger.locator('tbody tr');
    this.events = page.getByTestId('order-events').locator('li');
    this.audit = page.getByTestId('order-audit');
    this.auditRows = this.audit.locator('tbody tr');
    this.refundForm = page.getByTestId('refund-form');
    this.refundError = this.refundForm.locator('.admin-error[role="alert"]');
  }

  /** Fills the refund form by amount (minor units of the charge currency) and submits it. */
  async refundAmount(amountMinor: number, options: { to: 'original' | 'wallet'; reason: string }) {
    await this.refundForm.locator('input[name="mode"][value="amount"]').check();
    await this.refundForm.locator('input[name="amountMinor"]').fill(String(amountMinor));
    await this.refundForm.locator('select[name="to"]').selectOption(options.to);
    await this.refundForm.locator('input[name="reason"]').fill(options.reason);
    await this.refundForm.locator('button[type="submit"]').click();
  }

  async open(locale: string, number: string) {
    const path = `/${locale}/admin/orders/${number}`;
    const response = await this.page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    await expect(this.page).toHaveURL((url) => url.pathname === path);
    await expect(this.status).toBeVisible();
    return this;
  }

  /** The status as stored (`paid`), independent of the page's language. */
  async currentStatus(): Promise<string | null> {
    return this.status.getAttribute('data-status');
  }

  async expectStatus(status: string) {
    await expect(this.status).toHaveAttribute('data-status', status);
  }

  transitionButton(to: string): Locator {
    return this.transitionForm.locator(`button[name="to"][value="${to}"]`);
  }

  /** Target statuses of the buttons this staff member is offered. */
  async offeredTransitions(): Promise<string[]> {
    if ((await this.transitionForm.count()) === 0) return [];
    return this.transitionButtons.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('value') ?? ''));
  }

  /**
   * Presses a transition button (accepting the confirmation that refund and cancel ask for) and
   * waits for the result: the new status, or an error message when `expectError` is set.
   */
  async transition(to: string, options: { reason?: string; expectError?: boolean } = {}) {
    if (options.reason !== undefined) await this.reasonInput.fill(options.reason);
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.transitionButton(to).click();
    if (options.expectError) await expect(this.error).toBeVisible();
    else await this.expectStatus(to);
  }

  /** Ledger rows as `{kind, status}` (e.g. `{kind: 'charge', status: 'recorded'}`). */
  async ledgerEntries(): Promise<{ kind: string; status: string }[]> {
    return this.ledgerRows.evaluateAll((rows) => rows.map((r) => ({ kind: r.getAttribute('data-kind') ?? '', status: r.getAttribute('data-ledger-status') ?? '' })));
  }

  /** Outbox event types in order (`order.created`, `order.paid`, …). */
  async eventTypes(): Promise<string[]> {
    return this.events.evaluateAll((items) => items.map((li) => li.getAttribute('data-event') ?? ''));
  }

  /** Audit actions in order (`order.created`, `payment.refund_requested`, …). */
  async auditActions(): Promise<string[]> {
    return this.auditRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action') ?? ''));
  }

  /** The "who" cell of the first audit row for `action`. */
  auditActor(action: string): Locator {
    return this.audit.locator(`tbody tr[data-action="${action}"]`).first().getByTestId('audit-actor');
  }

  /** The price table's column headers, as shown. */
  async moneyHeaders(): Promise<string[]> {
    return this.breakdown.locator('thead th').allInnerTexts();
  }
}
