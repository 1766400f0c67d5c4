import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AccountForms, SandboxPayPage } from './pages/account-pages';
import { AdminEventsPage, testDatabaseQuery } from './pages/admin-events-page';
import { AdminOrderPage } from './pages/admin-order-page';
import { AdminOrdersPage } from './pages/admin-orders-page';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrderPage } from './pages/order-page';

// scripts/test.sh creates this staff account before the suites run.
const ADMIN = { email: 'admin@ferry.test', password: 'ferry-test-admin' };

const journeys = [
  { locale: 'en', currency: 'EUR', address: { name: 'Anna Schmidt', line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE', phone: '030 1234567' } },
  { locale: 'ar', currency: 'AED', address: { name: 'ليلى أحمد', line1: 'شارع الشيخ زايد 12', city: 'دبي', country: 'AE', phone: '050 123 4567' } },
] as const;

for (const journey of journeys) {
  test(`a guest shops in ${journey.currency}, signs up, pays on the gateway's page and staff see the order paid (${journey.locale})`, async ({ page, product, productSlug }) => {
    test.setTimeout(120_000);
    const { locale, currency } = journey;

    // A guest picks a currency, opens a product and adds it to the cart.
    await page.goto(`/${locale}/${currency}`);
    await product.open(locale, productSlug);
    await product.addToCart(2);

    const cart = await new CartPage(page).open(locale);
    await expect(cart.lines).toHaveCount(1);
    await expect(cart.badgeCount).toHaveText('2');
    await cart.line({ index: 0 }).update(2, 'If this colour is gone, take the next one');

    // Checkout asks a guest to sign in; they sign up instead and come back with the cart intact.
    await cart.signInToCheckout.click();
    await page.locator('main a[href*="/account/sign-up"]').first().click();
    const email = `shopper-${randomUUID()}@example.com`;
    await new AccountForms(page).signUp({ name: journey.address.name, email, password: 'correct horse battery' });
    await expect(page).toHaveURL((url) => url.pathname === `/${locale}/checkout`, { timeout: 20_000 });

    const checkout = new CheckoutPage(page);
    await expect(checkout.items).toHaveCount(1);
    await checkout.fillNewAddress(journey.address);
    await checkout.setService('extra_qc_photos', true);
    await expect(checkout.breakdownRow('valueAddedServices')).toBeVisible();
    const total = await checkout.amount('total', currency);
    expect(total).not.toBe('');
    await checkout.choosePayment('card');
    await checkout.placeOrder();

    // The sandbox gateway's hosted page, then back to the order, which turns paid once the signed webhook lands.
    await new SandboxPayPage(page).pay();
    const order = new OrderPage(page);
    await expect(page).toHaveURL((url) => url.pathname.startsWith(`/${locale}/account/orders/`), { timeout: 20_000 });
    // Once paid, the purchasing worker may already be buying it upstream (supplier-journey.spec.ts).
    await order.waitForStatus(/^(paid|purchasing|purchased)$/);
    const number = order.number();
    expect(await order.total(currency)).toBe(total);
    await expect(order.timeline.first()).toBeVisible();

    // Staff sign in and find it on the board, paid, with its ledger and events.
    await page.context().clearCookies();
    await new AccountForms(page).signInAt(locale, ADMIN.email, ADMIN.password, `/${locale}/admin/orders`);
    const board = new AdminOrdersPage(page);
    await board.searchInput.fill(number);
    await board.applyButton.click();
    await expect(board.row(number)).toBeVisible();
    expect(['paid', 'purchasing', 'purchased']).toContain(await board.statusOf(number));
    const detail = await new AdminOrderPage(page).open(locale, number);
    expect(await detail.ledgerEntries()).toEqual([{ kind: 'charge', status: 'recorded' }]);
    expect(await detail.eventTypes()).toEqual(expect.arrayContaining(['order.created', 'order.paid']));
    expect(await detail.offeredTransitions()).toEqual(expect.arrayContaining(['refunded']));
    // The audit trail says who placed it (the shopper's email, a customer), and the price table which amount is which.
    const adminWords = JSON.parse(readFileSync(`messages/admin/${locale}.json`, 'utf8')).admin;
    await expect(detail.auditActor('order.created')).toHaveText(`${email}${adminWords.actorRoles.customer}`);
    const headers = await detail.moneyHeaders();
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers).toContain(adminWords.detail.columns.charged.replace('{currency}', currency));
    // Events read as sentences with money formatted, not as payload JSON.
    const paid = page.locator('[data-testid="order-events"] > li[data-event="order.paid"] [data-testid="event-details"]');
    await expect(paid).toContainText(total);
    await expect(paid).not.toContainText('amountMinor');

    // The event relay mailed the shopper, in the language they shopped in: order received, payment received.
    const words = JSON.parse(readFileSync(`messages/account/${locale}.json`, 'utf8')).emails as Record<string, string>;
    const subject = (key: string) => words[key]!.replace('{orderNumber}', number);
    const mails = page.getByTestId('outbox-table').locator('tbody tr').filter({ hasText: email });
    await expect(async () => {
      await page.goto(`/${locale}/admin/outbox`);
      expect(await mails.locator('summary').allInnerTexts()).toEqual(expect.arrayContaining([subject('orderConfirmationSubject'), subject('paymentReceivedSubject')]));
    }).toPass({ timeout: 20_000 });
    const events = await new AdminEventsPage(page).open(locale, 'done');
    expect(await events.deliveriesOf(number)).toEqual(expect.arrayContaining(['order.created done', 'order.paid done']));
    if (locale !== 'en') return;

    // A delivery that gave up (the mail server refused it ten times) is retried from the admin, and the
    // shopper still gets one payment email, not two: the retry finds the mail it already sent.
    testDatabaseQuery(
      `update event_deliveries d join order_events e on e.id = d.event_id join orders o on o.id = e.order_id set d.status = 'dead', d.attempts = 10, d.last_error = 'SMTP 421 try again later' where o.number = '${number}' and e.type = 'order.paid' and d.subscriber = 'shopper-emails'`,
    );
    await events.open(locale, 'dead');
    const stopped = events.row(number, 'order.paid', 'shopper-emails');
    await expect(stopped).toContainText('SMTP 421 try again later');
    await stopped.getByRole('button', { name: 'Retry now' }).click();
    // Queued again, it leaves the list of stopped deliveries (the page refreshes after the action).
    await expect(stopped).toHaveCount(0);
    await expect(async () => {
      await events.open(locale, 'done');
      expect(await events.deliveriesOf(number)).toEqual(expect.arrayContaining(['order.paid done']));
    }).toPass({ timeout: 20_000 });
    await page.goto(`/${locale}/admin/outbox`);
    await expect(mails.filter({ hasText: subject('paymentReceivedSubject') })).toHaveCount(1);
  });
}
