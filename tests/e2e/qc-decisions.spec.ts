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

test('a shopper reading Arabic reviews the QC photos, accepts one item and asks to return the other; customer service answers in Chinese and refunds it', async ({ page, browser, product, productSlug, request }) => {
  test.setTimeout(240_000);

  // Two products in one order, bought upstream by the worker.
  const html = await (await request.get('/en')).text();
  const slugs = [...html.matchAll(/href="\/en\/p\/([^"?#]+)"/g)].map((m) => m[1]!);
  const otherSlug = slugs.find((s) => s !== productSlug)!;
  await page.goto('/en/EUR');
  await product.open('en', productSlug);
  await product.addToCart(1);
  await product.open('en', otherSlug);
  await product.addToCart(1);
  const cart = await new CartPage(page).open('en');
  await signUpAndPayByCard(page, cart, { name: 'Layla Hassan', emailPrefix: 'qc', password: STAFF_PASSWORD, address: { name: 'Layla Hassan', line1: '12 Rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR', phone: '01 23 45 67 89' } });
  const order = new OrderPage(page);
  await order.waitForStatus('purchased', 90_000);
  const number = order.number();

  // The sellers ship (one upstream order per seller); the warehouse receives and photographs each item.
  const admin = await staffPage(browser, 'admin', `/en/admin/orders/${number}`);
  const upstreamIds = new Set<string>();
  for (const row of await admin.getByTestId('order-purchase-lines').locator('tbody tr').all()) {
    const id = (await row.locator('td').nth(4).textContent())?.trim() ?? '';
    if (/^\d{10,}$/.test(id)) upstreamIds.add(id);
  }
  expect(upstreamIds.size).toBeGreaterThanOrEqual(1);
  const itemIds: number[] = [];
  for (const id of upstreamIds) {
    const shipped = await request.post(`${SANDBOX}/__sandbox/orders/${id}/ship`, { data: { packages: 1 } });
    const billNo = ((await shipped.json()) as { packages: { billNo: string }[] }).packages[0]!.billNo;
    await expect(async () => {
      const received = ferry('warehouse', 'receive', '--tracking', billNo, '--weight-grams', '640') as { items?: { itemId: number }[] };
      expect(received.items?.length).toBeGreaterThanOrEqual(1);
      for (const item of received.items!) if (!itemIds.includes(item.itemId)) itemIds.push(item.itemId);
    }).toPass({ timeout: 45_000 });
  }
  expect(itemIds).toHaveLength(2);
  const dir = mkdtempSync(path.join(tmpdir(), 'ferry-e2e-qc-'));
  for (const [k, itemId] of itemIds.entries()) {
    // The agent's free allowance is three photos: the third opens the shopper's decision window.
    for (let n = 0; n < 3; n++) {
      const file = path.join(dir, `qc-${k}-${n}.jpg`);
      writeFileSync(file, await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40 * n, g: 120, b: 60 * k } } }).jpeg().toBuffer());
      expect(ferry('warehouse', 'photo', '--item', String(itemId), '--file', file)).toMatchObject({ itemId, photos: n + 1 });
    }
  }

  // In Arabic: each item shows its three photos (linking to the large size), that it is in the warehouse, and a deadline.
  await order.open('ar', number);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const panels = page.getByTestId('qc-panel');
  await expect(panels).toHaveCount(2);
  for (const panel of await panels.all()) {
    await expect(panel.getByTestId('qc-photo')).toHaveCount(3);
    await expect(panel.getByTestId('qc-deadline')).toBeVisible();
  }
  const [first, second] = itemIds.sort((a, b) => a - b) as [number, number];
  const firstPanel = page.locator(`[data-testid="qc-panel"][data-item-id="${first}"]`);
  const secondPanel = page.locator(`[data-testid="qc-panel"][data-item-id="${second}"]`);
  const link = firstPanel.getByTestId('qc-photo').first();
  expect(await link.getAttribute('href')).toMatch(/^\/qc-photos\/[0-9a-f]{32}\/1600\?e=\d+&s=/);
  expect(await link.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByTestId('order-item-state').first()).toHaveAttribute('data-state', 'in_warehouse');
  await expect(firstPanel.getByTestId('qc-accept')).toHaveText('قبول');

  // A second tab keeps the page as it is now (a stale page for later).
  const stale = await page.context().newPage();
  await stale.goto(`/ar/account/orders/${number}`);

  // Accept the first; ask to return the second, which needs a reason.
  await firstPanel.getByTestId('qc-accept').click();
  await expect(firstPanel).toHaveAttribute('data-status', 'accepted');
  await expect(firstPanel.getByTestId('qc-decided')).toBeVisible();
  await secondPanel.getByTestId('qc-reason').fill('المقاس غير صحيح');
  await secondPanel.getByTestId('qc-return').click();
  await expect(secondPanel).toHaveAttribute('data-status', 'return_requested');
  await expect(secondPanel.getByTestId('qc-decided')).toContainText('المقاس غير صحيح');

  // The stale page's accept changes nothing and says so.
  const stalePanel = stale.locator(`[data-testid="qc-panel"][data-item-id="${second}"]`);
  await stalePanel.getByTestId('qc-accept').click();
  await expect(stalePanel.getByTestId('qc-notice')).toBeVisible();
  await order.open('ar', number);
  await expect(secondPanel).toHaveAttribute('data-status', 'return_requested');
  await stale.close();

  // Customer service, in Chinese: the seller takes it back, then the item is refunded.
  const service = await staffPage(browser, 'service', '/zh-CN/admin/returns');
  await service.goto('/zh-CN/admin/returns');
  const row = service.locator(`[data-testid="returns"] tr[data-item-id="${second}"]`);
  await expect(row).toContainText(number);
  await expect(row).toContainText('المقاس غير صحيح');
  await expect(row.locator('img')).toHaveCount(3);
  await row.getByRole('textbox').fill('卖家同意退货');
  await row.getByRole('button', { name: '卖家同意退货' }).click();
  await expect(row).toHaveAttribute('data-status', 'returned');
  await row.locator('[data-action="refund"]').click();
  await expect(row).toHaveCount(0);
  await order.open('ar', number);
  await expect(page.locator(`[data-testid="order-item"] [data-item-id="${second}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-testid="qc-panel"][data-item-id="${second}"]`)).toHaveAttribute('data-status', 'refunded');
  await admin.context().close();
  await service.context().close();
});
