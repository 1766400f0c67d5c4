import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AccountForms } from './pages/account-pages';
import { BidiProbe } from './pages/bidi-probe';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrderPage, OrdersPage } from './pages/order-page';
import { priceValue } from './pages/storefront-page';

// Arabic pages in dirhams also show the sellers' yuan: "CN¥" is Latin inside right-to-left text and
// used to be drawn "¥CN", with brackets and separators thrown to the wrong ends.
test('every Arabic page type isolates its amounts and codes, and draws CN¥ in its own order', async ({ page, home, product, productSlug }) => {
  test.setTimeout(120_000);
  const probe = new BidiProbe(page);

  await page.goto('/ar/AED');
  await home.goto('/ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await probe.expectIsolatedMoney();
  await probe.expectCnyDrawnInOrder();

  const category = await page.locator('header.site-header a[href^="/ar/c/"]').first().getAttribute('href');
  await home.goto(category!);
  await probe.expectIsolatedMoney();
  await probe.expectCnyDrawnInOrder();

  await product.open('ar', productSlug);
  await probe.expectIsolatedMoney();
  await probe.expectCnyDrawnInOrder();
  // The rate as a bank prints it (a few significant digits), not the stored twelve decimals.
  await expect(page.getByTestId('rate-note')).toContainText(/1 CNY = \d+\.\d{1,5} AED/);
  await product.addToCart(1);

  const cart = await new CartPage(page).open('ar');
  await expect(cart.lines).toHaveCount(1);
  await probe.expectIsolatedMoney();
  await probe.expectCnyDrawnInOrder();
  const subtotal = (await cart.subtotal.locator('strong [data-money]').textContent())?.trim();

  await cart.signInToCheckout.click();
  await page.locator('main a[href*="/account/sign-up"]').first().click();
  await new AccountForms(page).signUp({ name: 'ليلى أحمد', email: `shopper-${randomUUID()}@example.com`, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === '/ar/checkout', { timeout: 20_000 });
  const checkout = new CheckoutPage(page);
  await expect(checkout.items).toHaveCount(1);
  await probe.expectIsolatedMoney();
  await probe.expectCnyDrawnInOrder();
  // No empty part leaves its separator behind ("Khaki / M · ·").
  for (const text of await checkout.items.allInnerTexts()) {
    expect(text).not.toMatch(/·\s*·|^\s*·|·\s*$/);
  }
  // Checkout's items row is the cart's subtotal, and stays it when a service is ticked.
  expect(await checkout.amount('items', 'AED')).toBe(subtotal);
  await checkout.setService('extra_qc_photos', true);
  await expect.poll(async () => priceValue(await checkout.amount('valueAddedServices', 'AED'))).toBeGreaterThan(0);
  expect(await checkout.amount('items', 'AED')).toBe(subtotal);
  await checkout.setService('extra_qc_photos', false);
  await checkout.fillNewAddress({ name: 'ليلى أحمد', line1: 'شارع الشيخ زايد 12', city: 'دبي', country: 'AE', phone: '050 123 4567' });
  await checkout.choosePayment('card');
  await checkout.placeOrder();
  await expect(page).not.toHaveURL((url) => url.pathname === '/ar/checkout', { timeout: 20_000 });

  const orders = await new OrdersPage(page).open('ar');
  const [number] = await orders.numbers();
  expect(number).toBeTruthy();
  await probe.expectIsolatedMoney();
  // The order number is a left-to-right code, drawn with its letters first.
  const code = orders.row(number!).locator('bdi[data-code]');
  await expect(code).toHaveAttribute('dir', 'ltr');
  await expect(code).toHaveText(number!);
  // The prefix's first letter and the one hyphen (a random suffix may repeat the first letter, and
  // drawnAt finds a character's first occurrence).
  const [first, hyphen] = await probe.drawnAt(code, [number!.slice(0, 1), '-']);
  expect(first!).toBeLessThan(hyphen!);

  await new OrderPage(page).open('ar', number!);
  await probe.expectIsolatedMoney();
  await probe.expectCnyDrawnInOrder();
});
