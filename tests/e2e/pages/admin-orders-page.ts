import { expect, type Locator, type Page } from '@playwright/test';

export type BoardStatus = 'all' | 'pending' | 'confirmed' | 'paid' | 'purchasing' | 'purchased' | 'arrived' | 'packed' | 'shipped' | 'completed' | 'cancelled' | 'refunded';

/** The staff orders board (/[locale]/admin/orders): filters, status tabs with counts, the polled table. */
export class AdminOrdersPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly nav: Locator;
  readonly filters: Locator;
  readonly searchInput: Locator;
  readonly statusSelect: Locator;
  readonly fromInput: Locator;
  readonly toInput: Locator;
  readonly gatewaySelect: Locator;
  readonly flaggedCheckbox: Locator;
  readonly applyButton: Locator;
  readonly tabs: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly updated: Locator;
  readonly refreshButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#main');
    this.heading = this.main.locator('h1');
    this.nav = page.locator('nav.admin-nav');
    this.filters = this.main.locator('form.admin-filters');
    this.searchInput = this.filters.locator('input[name="q"]');
    this.statusSelect = this.filters.locator('select[name="status"]');
    this.fromInput = this.filters.locator('input[name="from"]');
    this.toInput = this.filters.locator('input[name="to"]');
    this.gatewaySelect = this.filters.locator('select[name="gateway"]');
    this.flaggedCheckbox = this.filters.locator('input[name="flagged"]');
    this.applyButton = this.filters.locator('button[type="submit"]');
    this.tabs = this.main.locator('nav.admin-tabs');
    this.table = page.getByTestId('orders-table');
    this.rows = this.table.locator('tbody tr');
    this.empty = this.main.locator('.admin-empty');
    this.updated = page.getByTestId('board-updated');
    this.refreshButton = this.main.locator('.admin-board-status button');
    this.error = this.main.locator('.admin-board [role="alert"]');
  }

  /** Opens the board (optionally with a query string such as `status=paid&flagged=1`); fails if sent to sign-in. */
  async open(locale = 'en', query = '') {
    const path = `/${locale}/admin/orders${query ? `?${query}` : ''}`;
    const response = await this.page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    await expect(this.page).toHaveURL((url) => url.pathname === `/${locale}/admin/orders`);
    await expect(this.heading).toBeVisible();
    return this;
  }

  tab(status: BoardStatus): Locator {
    return this.tabs.locator(`a[data-status="${status}"]`);
  }

  /** The count shown on a status tab. */
  async tabCount(status: BoardStatus): Promise<number> {
    return Number((await this.tab(status).locator('.admin-count').textContent())?.trim() ?? NaN);
  }

  row(number: string): Locator {
    return this.table.locator(`tr[data-order="${number}"]`);
  }

  /** Order numbers in table order. */
  async numbers(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order') ?? ''));
  }

  async statusOf(number: string): Promise<string | null> {
    return this.row(number).getAttribute('data-status');
  }

  async isFlagged(number: string): Promise<boolean> {
    return (await this.row(number).getByTestId('flagged').count()) > 0;
  }

  /** Fills the filter form and applies it; resolves once the URL carries the new filters. */
  async filter(filters: { q?: string; status?: BoardStatus; from?: string; to?: string; gateway?: 'sandbox' | 'stripe' | 'cod' | ''; flagged?: boolean }) {
    if (filters.q !== undefined) await this.searchInput.fill(filters.q);
    if (filters.status !== undefined) await this.statusSelect.selectOption(filters.status === 'all' ? '' : filters.status);
    if (filters.from !== undefined) await this.fromInput.fill(filters.from);
    if (filters.to !== undefined) await this.toInput.fill(filters.to);
    if (filters.gateway !== undefined) await this.gatewaySelect.selectOption(filters.gateway);
    if (filters.flagged !== undefined) await this.flaggedCheckbox.setChecked(filters.flagged);
    const before = this.page.url();
    await this.applyButton.click();
    await this.page.waitForURL((url) => url.href !== before);
    await expect(this.heading).toBeVisible();
  }

  async search(q: string) {
    await this.filter({ q });
  }

  async openTab(status: BoardStatus) {
    await this.tab(status).click();
    await expect(this.tab(status)).toHaveAttribute('aria-current', 'page');
  }

  /** Asks the board to refresh now and waits until it has. */
  async refresh() {
    await this.refreshButton.click();
    await expect(this.refreshButton).toBeEnabled();
  }

  /** Waits for an order to appear on the board by polling (the board refreshes itself every 10 s). */
  async waitForOrder(number: string, timeout = 25_000) {
    await expect(this.row(number)).toBeVisible({ timeout });
  }

  /** Follows an order's link to its detail page. */
  async openOrder(number: string) {
    await this.row(number).getByRole('link', { name: number }).click();
    await this.page.waitForURL((url) => url.pathname.endsWith(`/admin/orders/${number}`));
  }
}
