import sharp from 'sharp';
import { expect, test } from './fixtures';
import { AdminInboundPage } from './pages/admin-inbound-page';
import { AdminItemPhotosPage } from './pages/admin-item-photos-page';
import { AdminReceivingPage } from './pages/admin-receiving-page';
import { CartPage } from './pages/cart-page';
import { signUpAndPayByCard } from './pages/new-shopper';
import { OrderPage } from './pages/order-page';
import { staffPage, STAFF_PASSWORD } from './pages/staff';

// The test server's 1688 sandbox pushes order messages to it (scripts/test.sh): shipping an order
// there is what a seller's shipment looks like to Ferry.
const SANDBOX = process.env.ALIBABA_1688_BASE_URL ?? 'http://127.0.0.1:8086';
const PHONE = { width: 390, height: 844 };

/** Real, tiny photos as a phone's folder holds them. */
async function photo(name: string, format: 'jpeg' | 'png', colour: string) {
  const image = sharp({ create: { width: 96, height: 64, channels: 3, background: colour } });
  return { name, mimeType: `image/${format}`, buffer: await (format === 'jpeg' ? image.jpeg() : image.png()).toBuffer() };
}

test('on a phone, the warehouse receives a line short with a note, photographs it, and the desk, the shopper and the admin see it', async ({ page, browser, product, productSlug, request }) => {
  test.setTimeout(180_000);

  // A shopper buys two pieces and pays; the worker buys them upstream; the seller ships one parcel.
  await page.goto('/en/EUR');
  await product.open('en', productSlug);
  await product.addToCart(2);
  const cart = await new CartPage(page).open('en');
  await signUpAndPayByCard(page, cart, { name: 'Mei Lin', emailPrefix: 'qcphotos', password: STAFF_PASSWORD, address: { name: 'Mei Lin', line1: '3 Calle Mayor', city: 'Madrid', postalCode: '28013', country: 'ES', phone: '+34 911 234 567' } });
  const order = new OrderPage(page);
  await order.waitForStatus('purchased', 60_000);
  const number = order.number();
  const admin = await staffPage(browser, 'admin', `/en/admin/orders/${number}`);
  const upstreamOrderId = (await admin.getByTestId('order-purchase-lines').locator('tbody tr').first().locator('td').nth(4).textContent())?.trim() ?? '';
  const shipped = await request.post(`${SANDBOX}/__sandbox/orders/${upstreamOrderId}/ship`, { data: { packages: 1 } });
  expect(shipped.status()).toBe(200);
  const [parcel] = ((await shipped.json()) as { packages: { billNo: string }[] }).packages;
  const inbound = new AdminInboundPage(await staffPage(browser, 'warehouse', '/en/admin/inbound'));
  await expect(async () => {
    await inbound.open('en');
    await expect(inbound.parcel(parcel!.billNo)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await inbound.page.context().close();

  // The desk on a phone: the scan shows the parcel's line; one of the two pieces came.
  const desk = new AdminReceivingPage(await staffPage(browser, 'warehouse', '/en/admin/receiving', { viewport: PHONE }));
  await desk.open('en');
  await desk.scan(parcel!.billNo, { weightGrams: '350', bin: 'c-07-1' });
  await expect(desk.lines).toHaveCount(1);
  const line = desk.lines.first();
  await expect(line).toHaveAttribute('data-status', 'upstream');
  // Fewer pieces without saying what is missing is refused, beside the line, and nothing is received.
  await desk.found(line, 'short', { received: '1' });
  await desk.receiveLines();
  await expect(line.getByTestId('line-error-note')).toBeVisible();
  await expect(desk.receivedRows).toHaveCount(0);
  await desk.found(line, 'short', { received: '1', note: 'Only one pair in the box' });
  await desk.receiveLines();
  await expect(desk.receivedRows).toHaveCount(1);
  const row = desk.receivedRows.first();
  await expect(row).toHaveAttribute('data-status', 'in_warehouse');
  await expect(row).toHaveAttribute('data-outcome', 'short');
  await expect(row).toContainText('Only one pair in the box');
  await expect(row.getByTestId('photo-link')).toHaveAttribute('data-photos', '0');
  const itemId = await row.getAttribute('data-item');
  expect(await desk.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // The photo screen, from the desk: the item, whose it is, its bin and weight, no photos yet.
  await row.getByTestId('photo-link').click();
  const photos = new AdminItemPhotosPage(desk.page);
  await expect(photos.item).toHaveAttribute('data-item', itemId!);
  await expect(photos.item).toContainText(number);
  await expect(photos.item).toContainText('C-07-1');
  await expect(photos.item).toContainText('350 g');
  await expect(photos.item).toContainText('Only one pair in the box');
  await expect(photos.progress).toHaveAttribute('data-photos', '0');
  const owed = Number(await photos.progress.getAttribute('data-allowance'));
  expect(owed).toBeGreaterThanOrEqual(1);
  await expect(photos.camera).toHaveAttribute('capture', 'environment');
  await expect(photos.camera).toHaveAttribute('accept', 'image/*');
  await expect(photos.files).toHaveAttribute('multiple', '');

  // Something that is not an image is named and refused; nothing is added.
  await photos.choose([{ name: 'packing-list.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') }]);
  await expect(photos.uploadErrors.locator('li[data-reason="not_image"]')).toContainText('packing-list.txt');
  // A file that claims to be a photo but is not one is refused by the server, with the same reason.
  await photos.choose([{ name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('definitely not a jpeg') }]);
  await expect(photos.uploadErrors.locator('li[data-reason="not_image"]')).toContainText('fake.jpg');
  await expect(photos.progress).toHaveAttribute('data-photos', '0');

  // Two photos from the folder at once: both appear, served through their signed URLs.
  await photos.choose([await photo('front.jpg', 'jpeg', '#c0392b'), await photo('label.png', 'png', '#2e86c1')]);
  await expect(photos.uploadDone).toBeVisible({ timeout: 30_000 });
  await expect(photos.progress).toHaveAttribute('data-photos', '2');
  await expect(photos.photos).toHaveCount(2);
  for (const img of await photos.photos.all()) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    expect(await img.getAttribute('src')).toMatch(/^\/qc-photos\/[0-9a-f]{32}\/400\?e=\d+&s=/);
  }
  await photos.saveNote('Sole 27 cm, shaft 12 cm');
  await photos.page.reload();
  await expect(photos.noteForm.locator('textarea')).toHaveValue('Sole 27 cm, shaft 12 cm');
  expect(await photos.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expect(photos.page.getByTestId('print-label')).toHaveAttribute('href', `/en/admin/receiving/labels?items=${itemId}`);

  // Back at the desk, the same parcel scanned again changes nothing and shows the photos taken.
  await desk.open('en');
  await desk.scan(parcel!.billNo);
  await expect(desk.lines).toHaveCount(0);
  await expect(desk.receivedRows.first()).toHaveAttribute('data-outcome', 'short');
  await expect(desk.receivedRows.first().getByTestId('photo-link')).toHaveAttribute('data-photos', '2');
  await expect(desk.receivedRows.first().getByTestId('photo-link')).toContainText(`2/${owed}`);
  await desk.page.context().close();

  // The shopper sees what the warehouse found; so does the admin.
  await order.open('en', number);
  await expect(page.getByTestId('order-item-receipt')).toHaveAttribute('data-outcome', 'short');
  await expect(page.getByTestId('order-item-receipt')).toContainText('Only 1 of 2');
  await expect(page.getByTestId('order-item-receipt')).toContainText('Only one pair in the box');
  await admin.reload();
  await expect(admin.getByTestId('order-item-receipt')).toHaveAttribute('data-outcome', 'short');
  await expect(admin.getByTestId('order-item-receipt-note')).toContainText('Only one pair in the box');
  await admin.context().close();
});
