import { createHash, randomInt } from 'node:crypto';
import mysql from 'mysql2/promise';
import { expect, test } from './fixtures';

// The public tracking page as a shopper in Japan opens it: a shipment exists (dispatch wrote it),
// the carrier's updates arrive as signed 17TRACK webhooks at the real route, out of order.
const KEY = process.env.TRACKING_17TRACK_KEY ?? 'ferry-demo-17track-key';
const sign = (body: string) => createHash('sha256').update(`${body}/${KEY}`).digest('hex');

const journey = [
  ['2025-03-01T01:00:00Z', 'InfoReceived', 'Shipment information received', 'Guangzhou, CN'],
  ['2025-03-01T06:00:00Z', 'InTransit_PickedUp', 'Picked up by China Post', 'Guangzhou, CN'],
  ['2025-03-03T03:00:00Z', 'InTransit_Arrival', 'Arrived in the destination country', 'Tokyo Narita, JP'],
  ['2025-03-04T09:00:00Z', 'OutForDelivery_Other', 'Out for delivery', 'Osaka, JP'],
  ['2025-03-04T13:00:00Z', 'Delivered_Other', 'Delivered', 'Osaka, JP'],
] as const;

function body(number: string, upTo: number): string {
  const events = journey.slice(0, upTo).map(([at, sub, description, location]) => ({ time_iso: at, time_utc: at, description, location, stage: null, sub_status: sub })).reverse();
  const latest = events[0]!;
  return JSON.stringify({ event: 'TRACKING_UPDATED', data: { number, carrier: 3011, tag: null, track_info: { latest_status: { status: latest.sub_status.split('_')[0], sub_status: latest.sub_status }, latest_event: latest, tracking: { providers: [{ events }] } } } });
}

test('a delivered parcel’s page in Japanese: the timeline newest first, Delivered, the country, and nothing personal', async ({ page, request }) => {
  const number = `LX${String(randomInt(10_000_000, 99_999_999))}5CN`;
  const db = await mysql.createConnection(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry_test');
  await db.execute(
    "INSERT INTO shipments (number, carrier, parcel_id, country, notify_email, locale, label, created_at, updated_at) VALUES (?, 'china-post', 77, 'JP', 'hanako@example.test', 'ja', ?, NOW(3), NOW(3))",
    [number, JSON.stringify({ receiver: { name: 'Hanako Yamada', lines: ['1-2-3 Umeda'], country: 'JP' } })],
  );
  await db.end();
  // The newest update first, then older ones and a duplicate: the page must still end on Delivered.
  for (const upTo of [5, 2, 4, 5, 1]) {
    const b = body(number, upTo);
    const response = await request.post('/api/webhooks/tracking/17track', { headers: { 'Content-Type': 'application/json', sign: sign(b) }, data: b });
    expect(response.status()).toBe(200);
  }

  const response = await page.goto(`/ja/track/${number}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.getByTestId('tracking-status')).toHaveText('配達完了', { timeout: 10_000 });
  await expect(page.getByTestId('tracking-country')).toHaveText('日本');
  const items = page.getByTestId('tracking-timeline').locator('li');
  await expect(items).toHaveCount(5);
  await expect(items.first()).toHaveAttribute('data-sub-status', 'Delivered_Other');
  await expect(items.first()).toContainText('受取人にお届けしました');
  await expect(items.last()).toHaveAttribute('data-sub-status', 'InfoReceived');
  await expect(items.first().locator('[lang="en"]')).toHaveText(/Delivered/);
  const text = await page.locator('main').innerText();
  for (const secret of ['Hanako', 'Yamada', 'Umeda', 'hanako@example.test']) expect(text).not.toContain(secret);
});

test('an unknown number is a 404 page; the lookup form leads to a number’s page', async ({ page }) => {
  const missing = await page.goto('/en/track/LX000000000CN');
  expect(missing?.status()).toBe(404);
  await expect(page.getByTestId('tracking-not-found')).toBeVisible();
  await page.goto('/ja/track');
  await page.getByRole('textbox', { name: '追跡番号' }).fill('LX000000000CN');
  await page.getByRole('button', { name: '追跡' }).click();
  await expect(page).toHaveURL(/\/ja\/track\/LX000000000CN$/);
});
