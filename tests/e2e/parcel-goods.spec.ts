import { expect, test } from './fixtures';
import { shopperWithAcceptedOrders } from './pages/accepted-orders';
import { testDatabaseQuery } from './pages/admin-events-page';

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

  await shopperWithAcceptedOrders(page, product, { slug, name: 'Sam Carter' });

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
