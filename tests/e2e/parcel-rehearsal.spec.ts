import sharp from 'sharp';
import { expect, test } from './fixtures';
import { shopperWithAcceptedOrders } from './pages/accepted-orders';
import { SandboxPayPage } from './pages/account-pages';
import { testDatabaseQuery } from './pages/admin-events-page';
import { staffPage } from './pages/staff';

// Rehearsal packing, end to end: the shopper asks for it when consolidating, so nothing can be paid
// yet; the warehouse (its screens in Chinese) photographs the packed parcel on its page and enters the
// weight; the shopper then sees the packed weight and the photos, pays that price on the gateway's
// page, and the parcel is ready to dispatch with nothing to settle.
test('a rehearsal: packed and photographed first, the shopper sees weight and photos, then pays the real price', async ({ page, browser, product, productSlug }) => {
  test.setTimeout(180_000);
  await shopperWithAcceptedOrders(page, product, { slug: productSlug, name: 'Mia Tanaka', weightGrams: 600, bin: 'B-02-1' });

  await page.goto('/en/account/parcels/new');
  for (const box of await page.getByTestId('parcel-pick').locator('input[name="items"]').all()) await box.check();
  await page.getByTestId('show-lines').click();
  await expect(page.getByTestId('parcel-create')).toBeVisible();
  await page.locator('input[name="services"][value="rehearsal"]').check();
  await page.getByTestId('create-parcel').click();
  await expect(page).toHaveURL((url) => /^\/en\/account\/parcels\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'), { timeout: 20_000 });
  const parcelNumber = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const status = page.getByTestId('parcel-status');
  await expect(status).toHaveAttribute('data-status', 'awaiting_rehearsal');
  await expect(page.getByTestId('parcel-rehearsal')).toBeVisible();
  await expect(page.getByTestId('parcel-pay-card')).toHaveCount(0);

  // The warehouse, in Chinese: the parcel is on the "to pack" tab; packing without a photo is refused.
  const staff = await staffPage(browser, 'warehouse', '/zh-CN/admin/parcels');
  await staff.goto(`/zh-CN/admin/parcels/${encodeURIComponent(parcelNumber)}`);
  await expect(staff.getByTestId('parcel-facts')).toHaveAttribute('data-status', 'awaiting_rehearsal');
  await expect(staff.getByTestId('parcel-services')).toContainText('预打包');
  const pack = staff.getByTestId('pack-form');
  const fillPack = async () => {
    await pack.locator('input[name="weightGrams"]').fill('1300');
    await pack.locator('input[name="lengthCm"]').fill('30');
    await pack.locator('input[name="widthCm"]').fill('20');
    await pack.locator('input[name="heightCm"]').fill('15');
    await pack.getByRole('button').click();
  };
  await fillPack();
  await expect(pack.getByTestId('action-error')).toContainText('Photograph');

  await expect(staff.getByTestId('photo-upload')).toHaveAttribute('data-ready', 'true');
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 160, g: 110, b: 60 } } }).jpeg().toBuffer();
  await staff.getByTestId('photo-files').setInputFiles([{ name: 'box-1.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
  await expect(staff.getByTestId('parcel-photo')).toHaveCount(1, { timeout: 20_000 });
  await fillPack();
  await expect(staff.getByTestId('parcel-facts')).toHaveAttribute('data-status', 'awaiting_payment', { timeout: 20_000 });
  await staff.context().close();

  // The shopper sees what the parcel really is, then pays that price.
  await page.reload();
  await expect(status).toHaveAttribute('data-status', 'awaiting_payment');
  const packed = page.getByTestId('parcel-packed');
  await expect(packed).toHaveAttribute('data-rehearsed', 'true');
  await expect(packed).toContainText('1300 g');
  const photo = page.getByTestId('parcel-photo').locator('img');
  await expect(photo).toHaveCount(1);
  await photo.scrollIntoViewIfNeeded();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const charge = testDatabaseQuery(`SELECT charge_minor FROM parcels WHERE number = '${parcelNumber}'`).trim();
  await page.getByTestId('parcel-pay-card').getByRole('button').click();
  await new SandboxPayPage(page).pay();
  await expect(async () => {
    await page.goto(`/en/account/parcels/${encodeURIComponent(parcelNumber)}`);
    await expect(status).toHaveAttribute('data-status', 'ready_to_dispatch', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  expect(testDatabaseQuery(`SELECT CONCAT(charge_minor, ' ', settlement_action) FROM parcels WHERE number = '${parcelNumber}'`).trim()).toBe(`${charge} none`);
  await expect(page.getByTestId('parcel-settlement')).toHaveCount(0);
});
