import { generateOffer, DEFAULT_DEMO_SEED } from '@/lib/catalog/demo';
import { expect, test } from './fixtures';
import { AccountForms } from './pages/account-pages';
import { AdminPurchasingPage } from './pages/admin-purchasing-page';
import { CartPage } from './pages/cart-page';
import { LinkImportBox } from './pages/link-import';
import { signUpAndPayByCard } from './pages/new-shopper';
import { OrderPage } from './pages/order-page';

// scripts/test.sh starts the server with its own 1688 sandbox (2,000 offers) and seeds only the
// first 1,000, so offer 1,500 is not in the catalog until someone pastes its link.
const ADMIN = { email: 'admin@ferry.test', password: 'ferry-test-admin' };
const SANDBOX = process.env.ALIBABA_1688_BASE_URL ?? 'http://127.0.0.1:8086';
const CJK = /[\u4e00-\u9fff]/;

test('a shopper pastes a 1688 link, buys the product, and the purchasing worker buys it upstream', async ({ page, product, request }) => {
  test.setTimeout(150_000);
  const offer = generateOffer(DEFAULT_DEMO_SEED, 1500);
  const link = `【1688】https://detail.1688.com/offer/${offer.offerId}.html?spm=a26352.13672862.offerlist.3.5c4e1e62&tracelog=p4p 点击链接直接打开`;

  // The paste box on the home page turns the share text into a product page in English.
  await page.goto('/en/EUR');
  await new LinkImportBox(page).paste(link);
  await expect(page).toHaveURL(/\/en\/p\/[^/]+$/, { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const title = (await page.locator('main h1').textContent())?.trim() ?? '';
  expect(title).not.toBe('');
  expect(title).not.toBe(offer.subject);
  expect(title).not.toMatch(CJK);

  // Pasting the same link again refreshes the product: the same page, not a second product.
  const productUrl = page.url();
  await page.goto('/en/EUR');
  await new LinkImportBox(page).paste(`https://m.1688.com/offer/${offer.offerId}.html`);
  await expect(page).toHaveURL(productUrl, { timeout: 30_000 });

  // Buy it: cart, sign up, checkout, the sandbox gateway's page.
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await expect(cart.lines).toHaveCount(1);
  await signUpAndPayByCard(page, cart, { name: 'Sam Rivera', emailPrefix: 'buyer', password: 'correct horse battery', address: { name: 'Sam Rivera', line1: '12 Rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR', phone: '01 23 45 67 89' } });

  // Paid, then bought upstream by the worker without anyone touching it: the order shows purchased.
  const order = new OrderPage(page);
  await order.waitForStatus('purchased', 60_000);
  const number = order.number();

  // Staff see which upstream order bought it, on the order and on the purchasing board.
  await page.context().clearCookies();
  await new AccountForms(page).signInAt('en', ADMIN.email, ADMIN.password, `/en/admin/orders/${number}`);
  const line = page.getByTestId('order-purchase-lines').locator('tbody tr').first();
  await expect(line).toHaveAttribute('data-purchase-status', 'purchased');
  const reference = (await line.locator('td').nth(3).locator('a, span').first().textContent())?.trim() ?? '';
  const upstreamOrderId = (await line.locator('td').nth(4).textContent())?.trim() ?? '';
  expect(reference).toMatch(/^PO\d{6}-/);
  expect(upstreamOrderId).toMatch(/^\d{10,}$/);

  const board = await new AdminPurchasingPage(page).open('en');
  await expect(board.placedRow(reference)).toBeVisible({ timeout: 15_000 });
  await expect(board.placedRow(reference).getByTestId('upstream-order-id')).toHaveText(upstreamOrderId);

  // The sandbox holds exactly one upstream order for it, for the pasted offer, paid.
  const upstream = (await (await request.get(`${SANDBOX}/__sandbox/orders/${upstreamOrderId}`)).json()) as Record<string, unknown>;
  expect(JSON.stringify(upstream)).toContain(offer.offerId);
  const all = (await (await request.get(`${SANDBOX}/__sandbox/orders`)).json()) as unknown;
  const text = JSON.stringify(all);
  expect(text.split(upstreamOrderId).length - 1).toBeGreaterThanOrEqual(1);
});

test('a link the store cannot import gets a message on the page, not an error page', async ({ page }) => {
  await page.goto('/en/EUR');
  const box = new LinkImportBox(page);
  await box.paste('https://item.taobao.com/item.htm?id=675309112233&spm=a21n57.1');
  await expect(box.error).toBeVisible({ timeout: 15_000 });
  await expect(box.error).toContainText(/Taobao/i);
  await expect(box.input).toHaveValue(/675309112233/);
  await box.paste('https://m.tb.cn/h.5Xy9AbC');
  await expect(box.error).toContainText(/short|full/i);
});
