import { expect, test } from './fixtures';
import { AdminInboundPage } from './pages/admin-inbound-page';
import { CartPage } from './pages/cart-page';
import { signUpAndPayByCard } from './pages/new-shopper';
import { OrderPage } from './pages/order-page';
import { AdminReceivingPage } from './pages/admin-receiving-page';
import { staffPage, STAFF_PASSWORD } from './pages/staff';

// The test server's 1688 sandbox pushes order messages to it (scripts/test.sh): shipping an order
// there is what a seller's shipment looks like to Ferry.
const SANDBOX = process.env.ALIBABA_1688_BASE_URL ?? 'http://127.0.0.1:8086';
const PASSWORD = STAFF_PASSWORD;

test('a seller ships a bought order in two parcels: the warehouse expects both, the shopper sees the tracking numbers, and a scan on a phone receives it', async ({ page, browser, product, productSlug, request }) => {
  test.setTimeout(180_000);

  // A shopper buys and pays; the worker buys it upstream.
  await page.goto('/en/EUR');
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await signUpAndPayByCard(page, cart, { name: 'Noor Haddad', emailPrefix: 'inbound', password: PASSWORD, address: { name: 'Noor Haddad', line1: '12 Rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR', phone: '01 23 45 67 89' } });
  const order = new OrderPage(page);
  await order.waitForStatus('purchased', 60_000);
  const number = order.number();
  await expect(page.getByTestId('order-parcels')).toHaveCount(0);

  // The seller ships it in two parcels (the admin's order page names the upstream order).
  const admin = await staffPage(browser, 'admin', `/en/admin/orders/${number}`);
  const upstreamOrderId = (await admin.getByTestId('order-purchase-lines').locator('tbody tr').first().locator('td').nth(4).textContent())?.trim() ?? '';
  expect(upstreamOrderId).toMatch(/^\d{10,}$/);
  const shipped = await request.post(`${SANDBOX}/__sandbox/orders/${upstreamOrderId}/ship`, { data: { packages: 2 } });
  expect(shipped.status()).toBe(200);
  const packages = ((await shipped.json()) as { packages: { billNo: string; companyName: string }[] }).packages;
  expect(packages).toHaveLength(2);

  // Warehouse staff see both parcels expected, with courier and the purchase order's lines.
  const warehouse = await staffPage(browser, 'warehouse', '/en/admin/inbound');
  const inbound = new AdminInboundPage(warehouse);
  await expect(async () => {
    await inbound.open('en');
    for (const p of packages) await expect(inbound.parcel(p.billNo)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  for (const p of packages) {
    await expect(inbound.parcel(p.billNo)).toContainText(p.companyName);
    await expect(inbound.parcel(p.billNo)).toContainText(number);
    await expect(inbound.parcel(p.billNo)).toHaveAttribute('data-late', 'false');
  }
  await expect(inbound.lateRule).toContainText('5');

  // The shopper's order page shows the courier and each domestic tracking number; so does the admin's.
  await order.open('en', number);
  const shown = page.getByTestId('order-parcel-tracking');
  await expect(shown).toHaveCount(2);
  expect((await shown.allTextContents()).sort()).toEqual(packages.map((p) => p.billNo).sort());
  await expect(page.getByTestId('order-parcels')).toContainText(packages[0]!.companyName);
  await admin.reload();
  for (const p of packages) await expect(admin.locator(`[data-testid="order-parcels"] tr[data-tracking="${p.billNo}"]`)).toBeVisible();

  // At the receiving desk, on a phone: the scanner types the first parcel's number and Enter; the
  // parcel's line is shown with what was typed, and received as it is. The bought item is in the
  // warehouse, the field is empty and focused for the next parcel.
  const desk = new AdminReceivingPage(await staffPage(browser, 'warehouse', '/en/admin/receiving', { viewport: { width: 390, height: 844 } }));
  await desk.open('en');
  await desk.scan(packages[0]!.billNo.toLowerCase(), { weightGrams: '480', dims: '30x20x5', bin: 'a-03-2' });
  await expect(desk.lines).toHaveCount(1);
  await expect(desk.lines.first()).toContainText(number);
  await desk.receiveLines();
  await expect(desk.receivedRows).toHaveCount(1);
  await expect(desk.receivedRows.first()).toHaveAttribute('data-status', 'in_warehouse');
  await expect(desk.receivedRows.first()).toContainText(number);
  await expect(desk.tracking).toBeFocused();
  await expect(desk.tracking).toHaveValue('');
  // Nothing on the page is wider than the phone.
  expect(await desk.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The item's label: a Code 128 barcode of the item, the order, the shopper's code and the bin.
  const itemId = await desk.receivedRows.first().getAttribute('data-item');
  await desk.page.getByTestId('print-labels').click();
  const label = desk.page.getByTestId('item-label');
  await expect(label).toHaveCount(1);
  await expect(label).toHaveAttribute('data-code', `IT${itemId}`);
  await expect(label.locator('svg path').first()).toBeAttached();
  await expect(label).toContainText(number);
  await expect(label).toContainText('A-03-2');
  await desk.open('en');

  // The shopper's order has arrived; the second parcel (the same purchase order) and a second scan change nothing.
  await order.open('en', number);
  await order.waitForStatus('arrived');
  await expect(page.getByTestId('order-item-state')).toHaveAttribute('data-state', 'in_warehouse');
  await expect(page.getByTestId('order-item-state')).toContainText('480 g');
  await desk.scan(packages[1]!.billNo);
  await expect(desk.receivedRows.first()).toHaveAttribute('data-status', 'in_warehouse');
  await desk.scan(packages[0]!.billNo);
  await expect(desk.receivedRows.first()).toHaveAttribute('data-status', 'in_warehouse');

  // A number nobody expects is kept as unclaimed and listed for assigning; scanning it again keeps the same one.
  const stray = `SF${Date.now()}`;
  await desk.scan(stray);
  await expect(desk.unclaimedNotice).toBeVisible();
  const inboundId = await desk.unclaimedNotice.getAttribute('data-inbound');
  await desk.scan(stray);
  await expect(desk.unclaimedNotice).toHaveAttribute('data-inbound', inboundId!);
  await desk.open('en');
  await expect(desk.unclaimedRow(stray)).toBeVisible();
  // A number that is not one is refused with a message.
  await desk.scan('<b>x</b>');
  await expect(desk.error).toBeVisible();
  await desk.page.context().close();
});
