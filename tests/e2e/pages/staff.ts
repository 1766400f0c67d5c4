import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { AccountForms } from './account-pages';

export const STAFF_PASSWORD = 'correct horse battery staple';

/**
 * A staff account of `role` made with the CLI (`ferry user create`), signed in in a browser context
 * of its own: each test gets a fresh account, so no test spends the shared admin's sign-in allowance.
 */
export async function staffPage(
  browser: Browser,
  role: 'service' | 'admin' | 'purchaser' | 'warehouse' | 'finance',
  callbackPath: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const email = `${role}-${randomUUID()}@ferry.test`;
  execFileSync('node_modules/.bin/tsx', ['--conditions=react-server', 'cli/ferry.ts', 'user', 'create', '--email', email, '--password', STAFF_PASSWORD, '--role', role], { stdio: 'pipe' });
  const page = await (await browser.newContext(options.viewport ? { viewport: options.viewport, hasTouch: true, isMobile: true } : {})).newPage();
  await new AccountForms(page).signInAt('en', email, STAFF_PASSWORD, callbackPath);
  return page;
}
