import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AccountForms, SandboxPayPage } from './pages/account-pages';
import { testDatabaseQuery } from './pages/admin-events-page';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrderPage } from './pages/order-page';
import type { ProductPage } from './pages/product-page';

const words = (area: string, locale: string) => JSON.parse(readFileSync(`messages/${area}${locale}.json`, 'utf8'));

/** A new shopper in `locale` with one card order placed, on the gateway's pay page. */
async function cardOrderOnGateway(page: Page, product: ProductPage, productSlug: string, locale: string): Promise<{ number: string; token: string }> {
  await page.goto(`/${locale}/EUR`);
  await product.open(locale, productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open(locale);
  await cart.signInToCheckout.click();
  await page.locator('main a[href*="/account/sign-up"]').first().click();
  await new AccountForms(page).signUp({ name: 'Jonas Weber', email: `pay-${randomUUID()}@example.com`, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === `/${locale}/checkout`, { timeout: 20_000 });
  const checkout = new CheckoutPage(page);
  await checkout.fillNewAddress({ name: 'Jonas Weber', line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE', phone: '030 1234567' });
  await checkout.choosePayment('card');
  await checkout.placeOrder();
  await new SandboxPayPage(page).expectOpen();
  // The sandbox's pay page is /pay/{PaymentIntent id}; the order behind it, and its pay link's token, from the database.
  const paymentId = new URL(page.url()).pathname.split('/').pop();
  const [number = '', token = ''] = testDatabaseQuery(`select number, pay_token from orders where gateway_payment_id = '${paymentId}'`).trim().split('\t');
  expect(number).toMatch(/\S/);
  return { number, token };
}

test('back from the gateway with a payment still being approved, the order says so and offers no second payment (de)', async ({ page, product, productSlug }) => {
  test.setTimeout(120_000);
  const t = words('checkout/', 'de');
  await cardOrderOnGateway(page, product, productSlug, 'de');
  // The sandbox approves this one about 4 s later: until its webhook lands the order is still pending.
  await new SandboxPayPage(page).pay('Approve slowly');
  const order = new OrderPage(page);
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/de/account/orders/') && url.searchParams.get('payment') === 'processing', { timeout: 20_000 });
  await expect(order.status).toHaveText(t.orderStatus.confirmingPayment);
  await expect(order.banner).toHaveText(t.orders.bannerProcessing);
  await expect(order.payNow).toHaveCount(0);
  // The poller picks up the webhook and the page turns paid, without a reload.
  await order.waitForStatus(/^(paid|purchasing|purchased)$/);
  await expect(order.banner).toHaveText(t.orders.bannerConfirmed);
  await expect(order.payNow).toHaveCount(0);
});

test('a return URL that claims success for an order never paid is not believed: still payable (de)', async ({ page, product, productSlug }) => {
  test.setTimeout(120_000);
  const t = words('checkout/', 'de');
  const { number, token } = await cardOrderOnGateway(page, product, productSlug, 'de');
  // Back to the shop by hand, forging the gateway's "succeeded": the return route asks the gateway instead.
  await page.goto(`/pay/${number}/${token}/return?payment=succeeded`);
  const order = new OrderPage(page);
  await expect(page).toHaveURL((url) => url.pathname === `/de/account/orders/${number}` && !url.searchParams.has('payment'));
  await expect(order.status).toHaveText(t.orderStatus.pending);
  await expect(order.payNow).toBeVisible();
});

test('a pay link whose gateway cannot be reached is a styled page in the shopper’s language with a way to retry, not a raw 503 (ja)', async ({ page, product, productSlug }) => {
  test.setTimeout(120_000);
  const t = words('checkout/', 'ja');
  const { number, token } = await cardOrderOnGateway(page, product, productSlug, 'ja');
  // The test shop has no Stripe secret key: an order on Stripe cannot start its payment (payment_unavailable).
  testDatabaseQuery(`update orders set gateway = 'stripe', gateway_payment_id = null where number = '${number}'`);
  await page.goto(`/pay/${number}/${token}`);
  await expect(page).toHaveURL((url) => url.pathname === '/ja/account/payment-problem' && url.searchParams.get('problem') === 'unavailable');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.paymentProblem.unavailableTitle);
  await expect(page.getByTestId('payment-problem')).toContainText(t.paymentProblem.unavailableText);
  await expect(page.getByTestId('payment-retry')).toHaveAttribute('href', `/pay/${number}/${token}`);
  expect(await page.title()).toBe(`${t.paymentProblem.unavailableTitle} | Ferry`);
  // The storefront's own frame (header and stylesheet), not a bare text answer.
  await expect(page.locator('header').first()).toBeVisible();
});
