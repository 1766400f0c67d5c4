import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AccountForms, SandboxPayPage } from './pages/account-pages';
import { staffPage } from './pages/staff';

// A shopper tops up the wallet through the sandbox gateway's pay page and sees the balance and its
// history; an admin then finds the wallet by email and adjusts it with a reason.
test('a shopper tops up through the sandbox pay page and sees the balance and history; an admin adjusts it with a reason', async ({ page, browser }) => {
  const email = `wallet-${randomUUID()}@example.com`;
  await page.goto(`/en/account/sign-up?callbackUrl=${encodeURIComponent('/en/account/wallet')}`);
  await new AccountForms(page).signUp({ name: 'Wallet Shopper', email, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === '/en/account/wallet', { timeout: 20_000 });
  await expect(page.getByTestId('wallet-empty')).toBeVisible();

  // A typing mistake is refused on the page, nothing is started.
  await page.getByTestId('wallet-topup-amount').fill('25.555');
  await page.getByTestId('wallet-topup-currency').selectOption('EUR');
  await page.getByTestId('wallet-topup-submit').click();
  await expect(page.getByText('This currency does not have that many decimal places.')).toBeVisible();

  await page.getByTestId('wallet-topup-amount').fill('25.50');
  await page.getByTestId('wallet-topup-currency').selectOption('EUR');
  await page.getByTestId('wallet-topup-submit').click();
  await new SandboxPayPage(page).pay();
  await expect(page).toHaveURL((url) => url.pathname === '/en/account/wallet' && /^WT[0-9A-F]{20}$/.test(url.searchParams.get('topup') ?? ''), { timeout: 20_000 });
  // The webhook may land a moment after the shopper is back: the page says so until it has.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('wallet-topup-status')).toHaveAttribute('data-status', 'credited', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('wallet-balance')).toHaveText('€25.50');
  await expect(page.getByTestId('wallet-history').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('wallet-history').locator('tbody tr[data-kind="topup"]')).toContainText('€25.50');
  await page.goto('/en/account');
  await expect(page.getByTestId('account-wallet-balances')).toContainText('€25.50');

  const admin = await staffPage(browser, 'admin', '/en/admin/wallets');
  await admin.getByTestId('wallet-search-email').fill(email);
  await admin.getByTestId('wallet-search-email').press('Enter');
  await expect(admin.getByTestId('admin-wallet-balances')).toContainText('€25.50');
  await expect(admin.getByTestId('wallet-check')).toHaveAttribute('data-mismatches', '0');
  const form = admin.getByTestId('wallet-adjust-form');
  await form.locator('select[name="direction"]').selectOption('debit');
  await admin.getByTestId('wallet-adjust-amount').fill('5');
  await form.locator('select[name="currency"]').selectOption('EUR');
  await admin.getByTestId('wallet-adjust-reason').fill('Goodwill credited twice by mistake');
  await admin.getByTestId('wallet-adjust-submit').click();
  await expect(admin.getByTestId('wallet-adjusted')).toBeVisible();
  await expect(admin.getByTestId('admin-wallet-balances')).toContainText('€20.50');
  await expect(admin.getByTestId('admin-wallet-history').locator('tr[data-kind="adjustment"]')).toContainText('Goodwill credited twice by mistake');

  await page.goto('/en/account/wallet');
  await expect(page.getByTestId('wallet-balance')).toHaveText('€20.50');
  await expect(page.getByTestId('wallet-history').locator('tbody tr')).toHaveCount(2);
  await admin.context().close();
});
