import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { CartPage } from './pages/cart-page';
import { signUpAndPayByCard } from './pages/new-shopper';
import { OrderPage } from './pages/order-page';
import { staffPage, STAFF_PASSWORD } from './pages/staff';

const SANDBOX = process.env.ALIBABA_1688_BASE_URL ?? 'http://127.0.0.1:8086';
const ferry = (...args: string[]) => JSON.parse(execFileSync('node_modules/.bin/tsx', ['--conditions=react-server', 'cli/ferry.ts', ...args], { stdio: 'pipe' }).toString()) as Record<string, unknown>;

test('QC photos of a shopper who shares them appear on the product page, and leave it when the shopper withdraws', async ({ page, browser, product, productSlug, request }) => {
  test.setTimeout(180_000);
  await page.goto('/en/EUR');
  await product.open('en', productSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await signUpAndPayByCard(page, cart, { name: 'Mina Park', emailPrefix: 'photos', password: STAFF_PASSWORD, address: { name: 'Mina Park', line1: '1 Sejong-daero', city: 'Seoul', postalCode: '04524', country: 'KR', phone: '+82 2 123 4567' } });
  const order = new OrderPage(page);
  await order.waitForStatus('purchased', 60_000);
  const number = order.number();

  // The seller ships; the warehouse receives it from a shell and photographs it.
  const admin = await staffPage(browser, 'admin', `/en/admin/orders/${number}`);
  const upstreamOrderId = (await admin.getByTestId('order-purchase-lines').locator('tbody tr').first().locator('td').nth(4).textContent())?.trim() ?? '';
  const shipped = await request.post(`${SANDBOX}/__sandbox/orders/${upstreamOrderId}/ship`, { data: { packages: 1 } });
  const billNo = ((await shipped.json()) as { packages: { billNo: string }[] }).packages[0]!.billNo;
  let received: { items?: { itemId: number }[] } = {};
  await expect(async () => {
    received = ferry('warehouse', 'receive', '--tracking', billNo, '--weight-grams', '512');
    expect(received.items?.length).toBe(1);
  }).toPass({ timeout: 45_000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'ferry-e2e-photo-'));
  const file = path.join(dir, 'qc.jpg');
  writeFileSync(file, await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 20, g: 120, b: 200 } } }).jpeg().toBuffer());
  expect(ferry('warehouse', 'photo', '--item', String(received.items![0]!.itemId), '--file', file)).toEqual({ itemId: received.items![0]!.itemId, photos: 1 });

  // The product page shows it (the page is cached; the relay expires it when the photo lands).
  const section = page.getByTestId('warehouse-photos');
  const mine = section.locator('li', { hasText: '512 g' });
  await expect(async () => {
    await product.open('en', productSlug);
    await expect(mine.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const src = (await mine.first().locator('img').first().getAttribute('src'))!;
  expect(src).toMatch(/^\/warehouse-photos\/[0-9a-f]{32}\/400$/);
  // The strip's images load lazily: bring the first into view and wait for it to arrive.
  const thumb = mine.first().locator('img').first();
  await thumb.scrollIntoViewIfNeeded();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
  await expect(section).not.toContainText('Mina');
  await expect(section).not.toContainText(number);
  // Only the WebP sizes are public; the original is not.
  expect((await request.get(src.replace('/400', '/original'))).status()).toBe(404);

  // The shopper withdraws: the photo is no longer served, and the page no longer lists it.
  await page.goto('/en/account');
  await page.getByTestId('photo-sharing').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  expect((await request.get(src)).status()).toBe(404);
  await product.open('en', productSlug);
  await expect(page.locator(`img[src="${src}"]`)).toHaveCount(0);
});
