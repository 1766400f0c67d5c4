import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';

/** Staff's view of the event relay (/[locale]/admin/events): deliveries to subscribers, with "Retry now" on stopped ones. */
export class AdminEventsPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#main');
    this.heading = this.main.locator('h1');
    this.table = page.getByTestId('events-table');
  }

  async open(locale: string, view: 'failing' | 'dead' | 'pending' | 'done' = 'failing') {
    const path = `/${locale}/admin/events${view === 'failing' ? '' : `?view=${view}`}`;
    const response = await this.page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    await expect(this.heading).toBeVisible();
    return this;
  }

  /** The rows of one order's deliveries, as `eventType status` ("order.paid done"). */
  async deliveriesOf(number: string): Promise<string[]> {
    const rows = this.table.locator('tbody tr').filter({ has: this.page.locator(`a:text-is("${number}")`) });
    return rows.evaluateAll((trs) => trs.map((tr) => `${tr.querySelector('td .admin-mono')?.textContent ?? ''} ${tr.getAttribute('data-status') ?? ''}`));
  }

  /** One order's delivery of `eventType`, to `subscriber` when several subscribe to that type. */
  row(number: string, eventType: string, subscriber?: string): Locator {
    const rows = this.table.locator('tbody tr').filter({ has: this.page.locator(`a:text-is("${number}")`) }).filter({ has: this.page.locator(`td .admin-mono:text-is("${eventType}")`) });
    return subscriber ? rows.filter({ hasText: subscriber }) : rows;
  }
}

/** The test server's database (scripts/test.sh exports DATABASE_URL): for faults a browser cannot cause, like a subscriber giving up. */
export function testDatabaseQuery(sql: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry_test');
  return execFileSync('mysql', ['-h', url.hostname, '-P', url.port || '3306', '-u', decodeURIComponent(url.username || 'root'), '-N', '-B', url.pathname.slice(1), '-e', sql], {
    encoding: 'utf8',
    env: { ...process.env, MYSQL_PWD: decodeURIComponent(url.password) },
  });
}
