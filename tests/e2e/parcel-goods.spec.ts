import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AccountForms } from './pages/account-pages';
import { testDatabaseQuery } from './pages/admin-events-page';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrderPage } from './pages/order-page';

// A power bank waiting in the warehouse: consolidating it, the shopper sees the item holds a battery,
// EMS listed as not available because it does not carry batteries, and the battery line offered.
test('the consolidation screen shows an item’s battery and the line that refuses it', async ({ page, product }) => {
  test.setTimeout(120_000);
  // A seeded product the import's classifier read as a battery and nothing the battery line refuses.
  const slug = testDatabaseQuery(
    `SELECT p.slug FROM products p JOIN skus s ON s.product_id = p.id
     WHERE p.is_active = 1 AND p.goods_override IS NULL AND JSON_CONTAINS(p.goods_detected, '"battery"')
       AND NOT JSON_CONTAINS(p.goods_detected, '"liquid"') AND NOT JSON_CONTAINS(p.goods_detected, '"powder"') AND NOT JSON_CONTAINS(p.goods_detected, '"brand"')
     GROUP BY p.id HAVING MIN(s.stock - s.reserved) >= 5 ORDER BY p.id LIMIT 1`,
  ).trim();
  expect(slug, 'a battery product in the seeded catalog').toBeTruthy();

  // Cash on delivery (so no worker buys the order while the warehouse state is set below) is for the Gulf.
  await page.goto('/en/AED');
  await page.goto(`/en/account/sign-up?callbackUrl=${encodeURIComponent('/en/account')}`);
  await new AccountForms(page).signUp({ name: 'Sam Carter', email: `goods-${randomUUID()}@example.com`, password: 'correct horse battery' });
  await expect(page).toHaveURL((url) => url.pathname === '/en/account', { timeout: 20_000 });

  await product.open('en', slug);
  await product.addToCart(1);
  await new CartPage(page).open('en');
  await page.goto('/en/checkout');
  const checkout = new CheckoutPage(page);
  await checkout.fillNewAddress({ name: 'Sam Carter', line1: 'Sheikh Zayed Road 12', city: 'Dubai', country: 'AE', phone: '050 123 4567' });
  await checkout.choosePayment('cod');
  await checkout.placeOrder();
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/en/account/orders/'), { timeout: 20_000 });
  const number = new OrderPage(page).number();
  // As the warehouse leaves it: bought, received, weighed and accepted.
  testDatabaseQuery(
    `UPDATE orders SET status = 'arrived', confirmed_at = NOW(3), reserved_until = NULL WHERE number = '${number}';
     UPDATE order_items oi JOIN orders o ON o.id = oi.order_id SET oi.purchase_status = 'purchased', oi.fulfilment_status = 'accepted', oi.weight_grams = 400, oi.received_at = NOW(3) WHERE o.number = '${number}';`,
  );

  await page.goto('/en/account/parcels/new');
  const pick = page.getByTestId('parcel-pick');
  const goods = pick.getByTestId('item-goods');
  await expect(goods).toHaveAttribute('data-goods', /\bbattery\b/);
  await expect(goods).toContainText('batteries');
  await pick.locator('input[name="items"]').check();
  await page.getByTestId('show-lines').click();

  const form = page.getByTestId('parcel-create');
  const ems = form.locator('[data-testid="line-unavailable"][data-line="ems"]');
  await expect(ems).toHaveAttribute('data-reason', 'refused_goods');
  await expect(ems).toContainText('Does not carry batteries');
  await expect(form.locator('label[data-line="battery-air"] input[name="lineId"]')).toBeVisible();
  await expect(form.locator('label[data-line="ems"]')).toHaveCount(0);
});
