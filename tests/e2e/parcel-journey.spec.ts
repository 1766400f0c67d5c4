import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { expect, test } from './fixtures';
import { shopperWithAcceptedOrders } from './pages/accepted-orders';
import { SandboxPayPage } from './pages/account-pages';
import { testDatabaseQuery } from './pages/admin-events-page';
import { staffPage } from './pages/staff';

const TRACKING_URL = process.env.TRACKING_17TRACK_BASE_URL ?? 'http://127.0.0.1:8088';

// The second half of a shopping agent, end to end: a shopper's two orders wait in the warehouse,
// accepted; the shopper consolidates their items into one parcel and pays it on the gateway's page;
// warehouse staff pack it heavier than estimated, so the shopper pays the top-up; staff dispatch it;
// the carrier (the 17TRACK sandbox) delivers it through its signed, duplicated, reordered webhooks,
// and the public tracking page shows it delivered, in Japanese, to anyone with the number.
test('two orders consolidated, paid, packed heavier, topped up, dispatched and delivered; the public page says so in Japanese', async ({ page, browser, product, productSlug }) => {
  test.setTimeout(240_000);
  // Two orders, as the first half leaves them: bought, received, weighed and accepted by the shopper. The address
  // has Chinese and Cyrillic letters, so the label must print them.
  await shopperWithAcceptedOrders(page, product, { slug: productSlug, name: 'Layla Ahmed 莱拉', line1: 'Sheikh Zayed Road 12, Башня 3', orders: 2 });

  // Consolidate: both orders' items, the saved address, the cheapest line.
  await page.goto('/en/account/parcels/new');
  const pick = page.getByTestId('parcel-pick');
  const boxes = pick.locator('input[name="items"]');
  await expect(boxes).toHaveCount(2);
  for (const box of await boxes.all()) await box.check();
  await page.getByTestId('show-lines').click();
  await expect(page.getByTestId('parcel-create')).toBeVisible();
  await page.getByTestId('create-parcel').click();
  await expect(page).toHaveURL((url) => /^\/en\/account\/parcels\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'), { timeout: 20_000 });
  const parcelNumber = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const status = page.getByTestId('parcel-status');
  await expect(status).toHaveAttribute('data-status', 'awaiting_payment');

  const waitForStatus = async (wanted: string) =>
    expect(async () => {
      await page.goto(`/en/account/parcels/${encodeURIComponent(parcelNumber)}`);
      await expect(status).toHaveAttribute('data-status', wanted, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

  await page.getByTestId('parcel-pay-card').getByRole('button').click();
  await new SandboxPayPage(page).pay();
  await waitForStatus('paid');

  // Staff pack it heavier and bigger than the estimate: a top-up is asked at the parcel's pinned rate.
  const staff = await staffPage(browser, 'warehouse', '/en/admin/parcels');
  await staff.goto('/en/admin/parcels?tab=to_pack');
  const row = staff.locator(`tr[data-parcel="${parcelNumber}"]`);
  await expect(row).toBeVisible();
  const pack = row.getByTestId('pack-form');
  await pack.locator('input[name="weightGrams"]').fill('3000');
  await pack.locator('input[name="lengthCm"]').fill('40');
  await pack.locator('input[name="widthCm"]').fill('30');
  await pack.locator('input[name="heightCm"]').fill('30');
  await pack.getByRole('button').click();
  await expect(row).toHaveCount(0, { timeout: 20_000 });

  await waitForStatus('awaiting_topup');
  await expect(page.getByTestId('parcel-settlement')).toHaveAttribute('data-action', 'topup');
  await page.getByTestId('parcel-pay-card').getByRole('button').click();
  await new SandboxPayPage(page).pay();
  await waitForStatus('ready_to_dispatch');

  // Dispatch: a tracking number, registered with the carrier sandbox, and the label.
  await staff.goto('/en/admin/parcels?tab=to_dispatch');
  const ready = staff.locator(`tr[data-parcel="${parcelNumber}"]`);
  await ready.getByTestId('dispatch-form').getByRole('button').click();
  await expect(ready).toHaveCount(0, { timeout: 20_000 });
  await staff.goto('/en/admin/parcels?tab=in_transit');
  const shipped = staff.locator(`tr[data-parcel="${parcelNumber}"]`);
  await expect(shipped).toBeVisible({ timeout: 20_000 });
  const label = await staff.request.get(await shipped.getByTestId('label-link').getAttribute('href').then((href) => href!));
  expect(label.status()).toBe(200);
  expect(label.headers()['content-type']).toContain('application/pdf');
  // The receiver's Chinese and Cyrillic letters print in embedded font subsets, not as `?`.
  const labelPdf = await PDFDocument.load(await label.body());
  const labelFonts = labelPdf.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const fontNames = labelFonts.values().map((ref) => labelPdf.context.lookup(ref as PDFRef, PDFDict).lookup(PDFName.of('BaseFont'), PDFName).decodeText());
  expect(fontNames).toEqual(expect.arrayContaining([expect.stringMatching(/^NotoSansSC-Regular/), expect.stringMatching(/^NotoSans-Regular/)]));
  const trackingNumber = testDatabaseQuery(`SELECT tracking_number FROM parcels WHERE number = '${parcelNumber}'`).trim();
  expect(trackingNumber).toMatch(/^[A-Z0-9]{10,30}$/);
  await staff.context().close();
  await waitForStatus('shipped');

  // The carrier reports a problem: customer service sees it on the exceptions tab, in Chinese, and marks it handled.
  const control = (action: string, body: unknown) =>
    fetch(`${TRACKING_URL}/_control/trackings/${encodeURIComponent(trackingNumber)}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await control('break', { kind: 'exception', subStatus: 'Exception_Security' })).status).toBe(200);
  const service = await staffPage(browser, 'service', '/zh-CN/admin/parcels');
  const problem = service.locator(`tr[data-parcel="${parcelNumber}"]`);
  await expect(async () => {
    await service.goto('/zh-CN/admin/parcels?tab=exceptions');
    await expect(problem).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(problem).toContainText('因安全检查被扣留');
  await expect(problem.getByTestId('tracking-link')).toHaveAttribute('href', `/zh-CN/track/${trackingNumber}`);
  await expect(service.getByTestId('exceptions-count')).toBeVisible();
  await problem.getByRole('textbox').fill('已联系客户补充资料');
  await problem.getByRole('button', { name: '标记为已处理' }).click();
  // Handled: the board re-renders without it, and it stays off after a reload.
  await expect(problem).toHaveCount(0, { timeout: 15_000 });
  await service.goto('/zh-CN/admin/parcels?tab=exceptions');
  await expect(problem).toHaveCount(0);
  expect(testDatabaseQuery(`SELECT problem_handled_note FROM shipments WHERE number = '${trackingNumber}'`).trim()).toBe('已联系客户补充资料');
  await service.context().close();

  // The carrier delivers it; its webhooks arrive duplicated and out of order.
  const advanced = await control('advance', { to: 'Delivered' });
  expect(advanced.status).toBe(200);
  await waitForStatus('delivered');

  // A stranger with the number: the timeline in Japanese, delivered, nothing personal.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/ja/track/${encodeURIComponent(trackingNumber)}`);
  await expect(stranger.locator('main')).toContainText('配達完了');
  await expect(stranger.locator('main')).not.toContainText('Layla');
  await expect(stranger.locator('main')).not.toContainText('050 123 4567');
  await stranger.context().close();
});
