import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AccountForms } from './pages/account-pages';

const words = (file: string) => JSON.parse(readFileSync(`messages/${file}.json`, 'utf8'));
const PASSWORD = 'correct horse battery staple';

test('a pay link that is not valid is the 404 page in the browser’s language, with a title', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL! }]);
  const response = await page.goto('/pay/FR000000-000000/0123456789abcdef0123456789abcdef');
  expect(response?.status()).toBe(404);
  expect(new URL(page.url()).pathname).toBe('/de/account/payment-problem');
  const t = words('de').notFound;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
  expect(await page.title()).toBe(`${t.title} | Ferry`);
});

test('storefront 404s have a title in the page’s language', async ({ page }) => {
  const response = await page.goto('/ja/p/does-not-exist-999999');
  expect(response?.status()).toBe(404);
  // Next streams a 404's content after the shell: the title arrives with the heading.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('ja').notFound.title);
  expect(await page.title()).toBe(`${words('ja').notFound.title} | Ferry`);
});

test('staff: a page their role does not open is a 403 inside the admin frame, an unknown one a 404 there, both in their language with a title', async ({ page }) => {
  // A fresh account of its own (made with the CLI): sign-ins are limited per email and per address.
  const email = `service-${randomUUID()}@ferry.test`;
  execFileSync('node_modules/.bin/tsx', ['--conditions=react-server', 'cli/ferry.ts', 'user', 'create', '--email', email, '--password', PASSWORD, '--role', 'service'], { stdio: 'pipe' });
  await new AccountForms(page).signInAt('de', email, PASSWORD, '/de/admin/orders');
  const t = words('admin/de').admin;
  const menu = page.locator('nav.admin-nav');

  const response = await page.goto('/de/admin/settings');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.forbidden.title);
  await expect(page.getByTestId('admin-forbidden')).toContainText(t.forbidden.text);
  // The menu is there, with what the role does open (and not what it does not).
  await expect(menu.getByRole('link', { name: t.nav.orders })).toBeVisible();
  await expect(menu.getByRole('link', { name: t.nav.settings })).toHaveCount(0);
  expect(await page.title()).toBe(`${t.forbidden.title} | Ferry`);

  for (const path of ['/de/admin/orders/not-an-order', '/de/admin/no-such-section']) {
    const missing = await page.goto(path);
    expect(missing?.status(), path).toBe(404);
    await expect(menu).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound.title);
    expect(await page.title()).toBe(`${t.notFound.title} | Ferry`);
  }
});

test('an unknown account address is the localized 404 inside the account frame', async ({ page }) => {
  const account = await page.goto('/ko/account/no-such-page');
  expect(account?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words('ko').notFound.title);
  expect(await page.title()).toBe(`${words('ko').notFound.title} | Ferry`);
  await expect(page.locator('header.site-header')).toBeVisible();
});
