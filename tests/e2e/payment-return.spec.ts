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
const ADDRESS = { name: 'Jonas Weber', line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE', phone: '030 1234567' };

/**
 * One card order of the signed-in shopper, left on the gateway's pay page; the number and pay-link
 * token of the order behind that page (the sandbox's page is /pay/{PaymentIntent id}).
 */
async function cardOrderOnGateway(page: Page, product: ProductPage, productSlug: string, locale: string, isFirst: boolean): Promise<{ number: string; token: string }> {
  await product.open(locale, productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open(locale);
  if (isFirst) {
    // One sign-up for the whole test: sign-ups are limited per address, and the suite shares one.
    await cart.signInToCheckout.click();
    await page.locator('main a[href*="/account/sign-up"]').first().click();
    await new AccountForms(page).signUp({ name: ADDRESS.name, email: `pay-${randomUUID()}@example.com`, password: 'correct horse battery' });
    await expect(page).toHaveURL((url) => url.pathname === `/${locale}/checkout`, { timeout: 20_000 });
  } else {
    await page.goto(`/${locale}/checkout`);
  }
  const checkout = new CheckoutPage(page);
  await checkout.fillNewAddress(ADDRESS);
  await checkout.choosePayment('card');
  await checkout.placeOrder();
  await new SandboxPayPage(page).expectOpen();
  const paymentId = new URL(page.url()).pathname.split('/').pop();
  const [number = '', token = ''] = testDatabaseQuery(`select number, pay_token from orders where gateway_payment_id = '${paymentId}'`).trim().split('\t');
  expect(number).toMatch(/\S/);
  return { number, token };
}

test('paying a card order: confirming after a slow approval, a forged return not believed, a gateway that is down (de)', async ({ page, product, productSlug }) => {
  test.setTimeout(180_000);
  const locale = 'de';
  const t = words('checkout/', locale);
  await page.goto(`/${locale}/EUR`);
  const order = new OrderPage(page);

  // 1. Back from the gateway with a payment still being approved (the sandbox approves it about 4 s
  //    later): the order says the payment is confirming and offers no second payment.
  await cardOrderOnGateway(page, product, productSlug, locale, true);
  await new SandboxPayPage(page).pay('Approve slowly');
  await expect(page).toHaveURL((url) => url.pathname.startsWith(`/${locale}/account/orders/`) && url.searchParams.get('payment') === 'processing', { timeout: 20_000 });
  await expect(order.status).toHaveText(t.orderStatus.confirmingPayment);
  await expect(order.banner).toHaveText(t.orders.bannerProcessing);
  await expect(order.payNow).toHaveCount(0);
  // The poller picks up the webhook and the page turns paid, without a reload.
  await order.waitForStatus(/^(paid|purchasing|purchased)$/);
  await expect(order.banner).toHaveText(t.orders.bannerConfirmed);
  await expect(order.payNow).toHaveCount(0);

  // 2. A return URL that claims success for an order never paid: the return route asks the gateway
  //    instead, and the order is still payable.
  const unpaid = await cardOrderOnGateway(page, product, productSlug, locale, false);
  await page.goto(`/pay/${unpaid.number}/${unpaid.token}/return?payment=succeeded`);
  await expect(page).toHaveURL((url) => url.pathname === `/${locale}/account/orders/${unpaid.number}` && !url.searchParams.has('payment'));
  await expect(order.status).toHaveText(t.orderStatus.pending);
  await expect(order.payNow).toBeVisible();

  // 3. A pay link whose gateway cannot be reached (the test shop has no Stripe secret key, so an order
  //    on Stripe cannot start its payment): a styled page in the shopper's language with a way to
  //    retry, not a raw English 503.
  testDatabaseQuery(`update orders set gateway = 'stripe', gateway_payment_id = null where number = '${unpaid.number}'`);
  await page.goto(`/pay/${unpaid.number}/${unpaid.token}`);
  await expect(page).toHaveURL((url) => url.pathname === `/${locale}/account/payment-problem` && url.searchParams.get('problem') === 'unavailable');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.paymentProblem.unavailableTitle);
  await expect(page.getByTestId('payment-problem')).toContainText(t.paymentProblem.unavailableText);
  await expect(page.getByTestId('payment-retry')).toHaveAttribute('href', `/pay/${unpaid.number}/${unpaid.token}`);
  expect(await page.title()).toBe(`${t.paymentProblem.unavailableTitle} | Ferry`);
  // The storefront's own frame, not a bare text answer.
  await expect(page.locator('header.site-header')).toBeVisible();

  // 4. A partner's customer has no account: back from the gateway they get the pay link's own status
  //    page in the order's language (it used to be a line of plain English text).
  const partner = await cardOrderOnGateway(page, product, productSlug, locale, false);
  testDatabaseQuery(`update orders set user_id = null, locale = 'ja' where number = '${partner.number}'`);
  const ja = words('checkout/', 'ja');
  await page.goto(`/pay/${partner.number}/${partner.token}/return`);
  const status = page.getByTestId('payment-status');
  await expect(page).toHaveURL((url) => url.pathname === `/ja/account/payment-status/${partner.number}/${partner.token}`);
  await expect(status).toHaveAttribute('data-state', 'unpaid');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ja.paymentStatus.unpaid.title);
  expect(await page.title()).toBe(`${ja.paymentStatus.unpaid.title} | Ferry`);
  await page.getByTestId('payment-status-pay').click();
  await new SandboxPayPage(page).pay();
  await expect(page).toHaveURL((url) => url.pathname === `/ja/account/payment-status/${partner.number}/${partner.token}`, { timeout: 20_000 });
  await expect(status).toHaveAttribute('data-state', /^(confirming|paid)$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // Someone else's number with a guessed token learns nothing.
  const wrong = await page.goto(`/ja/account/payment-status/${partner.number}/${'0'.repeat(32)}`);
  expect(wrong?.status()).toBe(404);
});
