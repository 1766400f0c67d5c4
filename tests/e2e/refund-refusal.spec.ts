import { expect, test } from './fixtures';
import { AdminOrderPage } from './pages/admin-order-page';
import { CartPage } from './pages/cart-page';
import { signUpAndPayByCard } from './pages/new-shopper';
import { OrderPage } from './pages/order-page';
import { staffPage, STAFF_PASSWORD } from './pages/staff';

// A shopper pays an order by card; finance, reading the admin in Chinese, asks the refund form for
// more than the order's charge and is told why in Chinese — the refundable amount as money — and
// nothing is refunded.
test('the refund form says, in Chinese, how much is still refundable when asked for more', async ({ page, browser, product, productSlug }) => {
  test.setTimeout(120_000);
  await page.goto('/en/EUR');
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await signUpAndPayByCard(page, cart, { name: 'Ana Ruiz', emailPrefix: 'refund-refusal', password: STAFF_PASSWORD, address: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES', phone: '+34 911 234 567' } });
  const order = new OrderPage(page);
  await order.waitForStatus(/paid|purchasing|purchased/, 30_000);
  const number = order.number();

  const finance = await staffPage(browser, 'finance', `/zh-CN/admin/orders/${number}`);
  const admin = await new AdminOrderPage(finance).open('zh-CN', number);
  // The amount field's hint names what is still refundable: all of the charge.
  await admin.refundForm.locator('input[name="mode"][value="amount"]').check();
  const hint = (await admin.refundForm.locator('input[name="amountMinor"]').getAttribute('placeholder')) ?? '';
  const refundable = /(€[\d.,]+)/.exec(hint)?.[1];
  expect(refundable, `the refundable amount in "${hint}"`).toBeTruthy();

  await admin.refundAmount(99_999_999, { to: 'original', reason: '测试：超额退款' });
  await expect(admin.refundError).toHaveAttribute('data-reason', 'exceeds_refundable');
  await expect(admin.refundError).toHaveText(`最多还可退 ${refundable}（您填写的是 €999,999.99）。`);
  await expect(finance.getByText('尚无退款。')).toBeVisible();
  await finance.context().close();
});
