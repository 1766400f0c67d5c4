import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AccountForms, SandboxPayPage } from './pages/account-pages';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrderPage } from './pages/order-page';
import { staffPage } from './pages/staff';

// The wallet's whole round: a shopper tops up on the sandbox gateway's page, pays an order from the
// balance at checkout (no card page at all), finance refunds part of it to the wallet, and the
// shopper sees the refund on the order and the money back in the wallet's history.
test('a shopper tops up, pays an order from the balance at checkout, and sees a partial refund come back', async ({ page, browser, product, productSlug }) => {
  test.setTimeout(120_000);
  const email = `wallet-order-${randomUUID()}@example.com`;
  await page.goto(`/en/account/sign-up?callbackUrl=${encodeURIComponent('/en/account/wallet')}`);
  await new AccountForms(page).signUp({ name: 'Wallet Buyer', email, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === '/en/account/wallet', { timeout: 20_000 });

  await page.getByTestId('wallet-topup-amount').fill('5000');
  await page.getByTestId('wallet-topup-currency').selectOption('EUR');
  await page.getByTestId('wallet-topup-submit').click();
  await new SandboxPayPage(page).pay();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('wallet-balance')).toHaveText('€5,000.00', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  await page.goto('/en/EUR');
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await expect(cart.lines).toHaveCount(1);
  await page.goto('/en/checkout');
  const checkout = new CheckoutPage(page);
  await checkout.fillNewAddress({ name: 'Wallet Buyer', line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE', phone: '030 1234567' });
  await checkout.choosePayment('card');
  await expect(page.getByTestId('use-wallet')).toBeChecked();
  await expect(page.locator('label[for="use-wallet"]')).toContainText('€5,000.00');
  await checkout.placeOrder();

  // Paid from the balance: straight back to the order, never the card's page.
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/en/account/orders/') && url.searchParams.get('payment') === 'wallet', { timeout: 20_000 });
  const order = new OrderPage(page);
  await order.waitForStatus(/^(paid|purchasing|purchased)$/);
  await expect(page.getByTestId('wallet-paid-notice')).toBeVisible();
  await expect(page.getByTestId('wallet-part')).toContainText('Paid from your balance');
  const number = order.number();
  await expect(order.payments).toHaveCount(1);

  // Finance refunds €1.00 of it to the wallet from the admin order page.
  const finance = await staffPage(browser, 'finance', `/en/admin/orders/${number}`);
  const form = finance.getByTestId('refund-form');
  await form.locator('input[name="mode"][value="amount"]').check();
  await form.locator('input[name="amountMinor"]').fill('100');
  await form.locator('select[name="to"]').selectOption('wallet');
  await form.locator('input[name="reason"]').fill('One colour was not available');
  await form.getByRole('button').click();
  await expect(form.getByRole('status')).not.toBeEmpty({ timeout: 15_000 });
  await finance.context().close();

  await page.reload();
  await expect(order.payments).toHaveCount(2);
  await expect(order.payments.nth(1)).toContainText('€1.00');
  await page.goto('/en/account/wallet');
  await expect(page.getByTestId('wallet-history').locator('tbody tr[data-kind="spend"]')).toHaveCount(1);
  await expect(page.getByTestId('wallet-history').locator('tbody tr[data-kind="refund"]')).toContainText('€1.00');
});
