import { expect, test } from './fixtures';
import { testDatabaseQuery } from './pages/admin-events-page';
import { AdminOrderPage } from './pages/admin-order-page';
import { AdminPurchasingPage } from './pages/admin-purchasing-page';
import { CartPage } from './pages/cart-page';
import { signUpAndPayByCard } from './pages/new-shopper';
import { OrderPage } from './pages/order-page';
import { staffPage } from './pages/staff';

const SANDBOX = process.env.ALIBABA_1688_BASE_URL ?? 'http://127.0.0.1:8086';
const NOTE = 'Please check the quality before shipping, no logo.';
const FOR_SELLER = '发货前请仔细检查质量，不要印logo，谢谢！';

test("a shopper's note waits for a purchaser, who sends the seller Chinese, and only then is the line bought", async ({ page, browser, product, productSlug, request }) => {
  test.setTimeout(150_000);

  // A shopper leaves a note for the buyer in the cart, then pays by card.
  await page.goto('/en/EUR');
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await cart.line({ index: 0 }).update(1, NOTE);
  await signUpAndPayByCard(page, cart, { name: 'Mia Lang', emailPrefix: 'note', password: 'correct horse battery', address: { name: 'Mia Lang', line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE', phone: '030 1234567' } });
  const order = new OrderPage(page);
  await order.waitForStatus('paid');
  const number = order.number();
  // The shopper is told their note is with the buyer.
  await expect(page.getByTestId('order-item-state')).toHaveAttribute('data-state', 'review');

  // A purchaser finds it under "Notes to read": the shopper's own words, and a Chinese draft to start from.
  const staff = await staffPage(browser, 'purchaser', '/en/admin/purchasing');
  const board = await new AdminPurchasingPage(staff).open('en');
  const note = board.note(number);
  await expect(note.shopperNote).toHaveText(NOTE, { timeout: 15_000 });
  await expect(note.sellerNote).toHaveValue('发货前请检查质量，不要logo。', { timeout: 15_000 });

  // The worker has had its chance (it runs every few seconds): nothing was bought with the note unread.
  expect(testDatabaseQuery(`select i.purchase_status from order_items i join orders o on o.id = i.order_id where o.number = '${number}'`).trim()).toBe('review');

  // The purchaser writes what the seller should read and releases the line.
  await note.sellerNote.fill(FOR_SELLER);
  await note.release.click();
  // Released, the line leaves the notes for the queue (the board refreshes after the action).
  await expect(note.row).toHaveCount(0, { timeout: 15_000 });

  // The worker buys it; the admin order page shows what the seller was sent.
  await order.waitForStatus('purchased', 60_000);
  const admin = await new AdminOrderPage(staff).open('en', number);
  await expect(admin.items.getByTestId('seller-note')).toContainText(FOR_SELLER);
  const line = staff.getByTestId('order-purchase-lines').locator('tbody tr').first();
  await expect(line).toHaveAttribute('data-purchase-status', 'purchased');
  const upstreamOrderId = (await line.locator('td').nth(4).textContent())?.trim() ?? '';

  // The seller's order carries the Chinese, never the shopper's English.
  const upstream = (await (await request.get(`${SANDBOX}/__sandbox/orders/${upstreamOrderId}`)).json()) as { message?: string };
  expect(upstream.message).toBe(FOR_SELLER);
  await staff.context().close();
});
