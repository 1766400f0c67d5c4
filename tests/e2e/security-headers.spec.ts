import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AccountForms, SandboxPayPage } from './pages/account-pages';
import { AdminOrdersPage } from './pages/admin-orders-page';
import { AdminPurchasingPage } from './pages/admin-purchasing-page';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { recordCspViolations } from './pages/csp-violations';

// Every page type under its Content-Security-Policy in Chromium: no violation anywhere, and the
// pages still do their work (hydration, server actions, TanStack Query, the pay redirect).
// lib/security says which pages get the nonce policy and which the static one.
const origin = new URL(process.env.FERRY_TEST_BASE_URL ?? 'http://localhost:3100').origin;
const address = { name: 'Csp Shopper', line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', phone: '217 555 0100' };
// A staff account of this file's own (the CLI's `user create`): sign-ins are limited per email.
const STAFF = { email: `csp-staff-${randomUUID()}@ferry.test`, password: 'csp-staff-password' };

test.beforeAll(() => {
  execFileSync('node_modules/.bin/tsx', ['--conditions=react-server', 'cli/ferry.ts', 'user', 'create', '--email', STAFF.email, '--password', STAFF.password, '--role', 'admin'], {
    stdio: 'ignore',
  });
});

test('storefront pages run under their policies without a violation, and adding to the cart still works', async ({ page, storefront, product, productSlug }) => {
  const csp = await recordCspViolations(page, origin);
  await storefront.goto('/en');
  const category = await page.locator('header.site-header a[href^="/en/c/"]').first().getAttribute('href');
  for (const path of ['/en/about', category!, '/en/search?q=dress']) {
    await storefront.goto(path);
    await expect(storefront.main).toBeVisible();
  }
  expect((await page.goto('/en/no-such-page'))?.status()).toBe(404);

  // The product page (ISR, static policy) hydrates: its client form adds to the cart through a server action.
  await product.open('en', productSlug);
  await product.addToCart(1);
  // The cart (per request, nonce policy) hydrates too: a line's quantity is saved by its client form.
  const cart = await new CartPage(page).open('en');
  await expect(cart.lines).toHaveCount(1);
  await cart.line({ index: 0 }).update(2);
  await expect(cart.badgeCount).toHaveText('2');

  expect(csp.violations).toEqual([]);
  expect(csp.consoleRefusals).toEqual([]);
});

test('a link from a storefront page into the cart loads a new document (the cart’s own policy applies); links out of it stay client-side', async ({ page, product, productSlug }) => {
  const csp = await recordCspViolations(page, origin);
  const marker = () => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
  const mark = () => page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));

  await product.open('en', productSlug);
  await mark();
  const cartDocument = page.waitForResponse((r) => new URL(r.url()).pathname === '/en/cart' && r.request().resourceType() === 'document');
  await new CartPage(page).cartLink.click();
  await page.waitForURL((url) => url.pathname === '/en/cart');
  expect((await (await cartDocument).allHeaders())['content-security-policy']).toContain("'strict-dynamic'");
  expect(await marker()).toBe(false);

  // Leaving for a storefront page keeps the stricter document: a normal client-side navigation.
  await mark();
  await page.locator('header.site-header a.logo').click();
  await page.waitForURL((url) => url.pathname === '/en');
  await expect(page.locator('main#main')).toBeVisible();
  expect(await marker()).toBe(true);

  expect(csp.violations).toEqual([]);
  expect(csp.consoleRefusals).toEqual([]);
});

test('a shopper signs up and checks out up to the gateway pay page without a violation', async ({ page, product, productSlug }) => {
  test.setTimeout(90_000);
  const csp = await recordCspViolations(page, origin);
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await cart.signInToCheckout.click();
  await page.locator('main a[href*="/account/sign-up"]').first().click();
  await new AccountForms(page).signUp({ name: address.name, email: `csp-${randomUUID()}@example.com`, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === '/en/checkout', { timeout: 20_000 });

  const checkout = new CheckoutPage(page);
  await checkout.fillNewAddress(address);
  await checkout.choosePayment('card');
  await checkout.placeOrder();
  // The pay link redirects the browser to the gateway's own page (another origin, its own headers).
  await new SandboxPayPage(page).expectOpen();
  expect(csp.violations).toEqual([]);
  expect(csp.consoleRefusals).toEqual([]);

  // Without JavaScript the order form posts, and its redirects end on the gateway's page: form-action
  // must name the gateway, or Chromium refuses the submission.
  await product.open('en', productSlug);
  await product.addToCart(1);
  const noScript = await page.context().browser()!.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
  const plain = await noScript.newPage();
  const plainCsp = await recordCspViolations(plain, origin);
  const plainCheckout = await new CheckoutPage(plain).open('en');
  // The first checkout saved its address to the book: it is offered, chosen, and posts without JavaScript.
  await expect(plain.locator('input[name="addressId"]:checked')).toHaveValue(/^\d+$/);
  await plainCheckout.choosePayment('card');
  await plainCheckout.placeOrder();
  await new SandboxPayPage(plain).expectOpen();
  expect(plainCsp.consoleRefusals).toEqual([]);
  await noScript.close();
});

test('staff boards fetch and refresh through TanStack Query under the nonce policy, where injected markup cannot run', async ({ page }) => {
  const csp = await recordCspViolations(page, origin);
  await new AccountForms(page).signInAt('en', STAFF.email, STAFF.password, '/en/admin/orders');
  const board = await new AdminOrdersPage(page).open('en');
  await expect(board.updated).toBeVisible();
  await board.refresh();
  await expect(board.error).toHaveCount(0);
  await new AdminPurchasingPage(page).open('en');
  await page.goto('/en/admin/sync');
  await expect(page.getByTestId('sync-board')).toBeVisible();
  expect(csp.violations).toEqual([]);
  expect(csp.consoleRefusals).toEqual([]);

  // What a stored or reflected HTML injection would add: an inline event handler. The nonce policy
  // has no 'unsafe-inline', so the browser refuses it.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__injected = true">'));
  await expect.poll(() => csp.violations.length).toBe(1);
  expect(csp.violations[0]).toMatchObject({ page: '/en/admin/sync', directive: 'script-src-attr', blocked: 'inline' });
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
