import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AccountForms } from './pages/account-pages';
import { AdminCodPage } from './pages/admin-cod-page';
import { AdminOrderPage } from './pages/admin-order-page';
import { AdminSettingsPage } from './pages/admin-settings-page';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrderPage } from './pages/order-page';
import { staffPage, STAFF_PASSWORD } from './pages/staff';

const PASSWORD = STAFF_PASSWORD;

test('a shopper pays on delivery: customer service confirm the order from the queue and the worker buys it', async ({ page, browser, product, productSlug }) => {
  test.setTimeout(150_000);

  // A shopper in Dubai checks out with cash on delivery.
  await page.goto('/en/AED');
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await cart.signInToCheckout.click();
  await page.locator('main a[href*="/account/sign-up"]').first().click();
  await new AccountForms(page).signUp({ name: 'Layla Ahmed', email: `cod-${randomUUID()}@example.com`, password: PASSWORD });
  await expect(page).toHaveURL((url) => url.pathname === '/en/checkout', { timeout: 20_000 });
  const checkout = new CheckoutPage(page);
  await checkout.fillNewAddress({ name: 'Layla Ahmed', line1: 'Sheikh Zayed Road 12', city: 'Dubai', country: 'AE', phone: '050 123 4567' });
  await checkout.choosePayment('cod');
  await expect(page.locator('#payment-cod-hint')).toContainText('48 hours');
  await checkout.placeOrder();

  // The order page says it waits for confirmation, with no pay button.
  const order = new OrderPage(page);
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/en/account/orders/'));
  const number = order.number();
  await order.waitForStatus('pending');
  await expect(order.status).toHaveText('Awaiting confirmation');
  await expect(page.getByTestId('cod-status')).toHaveAttribute('data-cod', 'awaiting');
  await expect(order.payNow).toHaveCount(0);

  // Customer service find it in the queue with the number to call, and confirm it.
  const staff = await staffPage(browser, 'service', '/en/admin/cod');
  const queue = new AdminCodPage(staff);
  await expect(queue.row(number)).toBeVisible();
  // Stored in E.164, ready to dial.
  await expect(queue.phone(number)).toHaveText('+971501234567');
  await queue.confirm(number, 'Called the shopper, confirmed');
  const detail = await new AdminOrderPage(staff).open('en', number);
  expect(await detail.eventTypes()).toEqual(expect.arrayContaining(['order.created', 'order.cod_confirmed']));

  // The shopper sees it confirmed, to pay on delivery; the purchasing worker then buys it upstream.
  await page.reload();
  await expect(page.getByTestId('cod-status')).toHaveAttribute('data-cod', 'confirmed');
  await expect(async () => {
    await page.reload();
    expect(await order.statusCode()).toBe('purchased');
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(page.getByTestId('cod-status')).toHaveAttribute('data-cod', 'confirmed');
});

test('an admin changes the confirmation window: a value out of bounds is refused beside its field and saves nothing, a good one is saved', async ({ browser }) => {
  const KEY = 'cod.confirmationHours';
  const staff = await staffPage(browser, 'admin', '/en/admin/settings');
  const settings = new AdminSettingsPage(staff);
  await expect(settings.field(KEY)).toHaveValue('48');
  try {
    await settings.set(KEY, '0');
    await settings.save();
    await expect(settings.errorOf(KEY)).toHaveText('Enter a whole number from 1 to 720.');
    await expect(settings.fieldErrors).toHaveCount(1);
    await expect(settings.field(KEY)).toHaveValue('0');
    await settings.open('en');
    await expect(settings.field(KEY)).toHaveValue('48');

    await settings.set(KEY, '36');
    await settings.save();
    await expect(settings.status).toHaveText('Saved. Settings changed: 1.');
    await expect(settings.fieldErrors).toHaveCount(0);
    await settings.open('en');
    await expect(settings.field(KEY)).toHaveValue('36');
  } finally {
    await settings.open('en');
    await settings.set(KEY, '48');
    await settings.save();
    await expect(settings.status).not.toHaveText('');
  }
});
