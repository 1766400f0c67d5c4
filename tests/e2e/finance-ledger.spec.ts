import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AccountForms, SandboxPayPage } from './pages/account-pages';
import { AdminLedgerPage } from './pages/admin-ledger-page';
import { staffPage } from './pages/staff';

// A shopper tops up the wallet on the sandbox gateway's page; finance, reading the admin in Chinese,
// opens 资金流水 from the menu, searches the shopper's email with the form and finds the top-up's
// payment (linked to the wallet, not to an order), then the same money as a wallet movement.
test('finance finds a shopper’s wallet top-up among the money movements, in Chinese', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = `ledger-${randomUUID()}@example.com`;
  await page.goto(`/en/account/sign-up?callbackUrl=${encodeURIComponent('/en/account/wallet')}`);
  await new AccountForms(page).signUp({ name: 'Ledger Shopper', email, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === '/en/account/wallet', { timeout: 20_000 });
  await page.getByTestId('wallet-topup-amount').fill('12.50');
  await page.getByTestId('wallet-topup-currency').selectOption('EUR');
  await page.getByTestId('wallet-topup-submit').click();
  await new SandboxPayPage(page).pay();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('wallet-topup-status')).toHaveAttribute('data-status', 'credited', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  const finance = await staffPage(browser, 'finance', '/zh-CN/admin');
  await finance.getByRole('link', { name: '资金流水' }).click();
  await expect(finance.getByRole('heading', { level: 1 })).toHaveText('资金流水');
  const ledger = new AdminLedgerPage(finance);
  await ledger.search({ email }, '搜索');
  await expect(ledger.rows).toHaveCount(1);
  await expect(ledger.rows.first()).toHaveAttribute('data-kind', 'charge');
  await expect(ledger.rows.first()).toContainText('€12.50');
  await expect(ledger.rows.first().getByRole('link', { name: '钱包充值' })).toHaveAttribute('href', `/zh-CN/admin/wallets?email=${encodeURIComponent(email)}`);
  await expect(ledger.totals.first()).toHaveAttribute('data-net', '1250');

  await ledger.view('wallet').click();
  await expect(finance).toHaveURL((url) => url.searchParams.get('view') === 'wallet' && url.searchParams.get('email') === email);
  await expect(ledger.rows).toHaveCount(1);
  await expect(ledger.rows.first()).toHaveAttribute('data-kind', 'topup');
  await expect(ledger.rows.first()).toContainText('€12.50');
  await finance.context().close();
});
