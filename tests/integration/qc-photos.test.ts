import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orderEvents, orderItems, purchaseOrders, qcPhotos } from '@/db/schema';
import { findPartnerOrder } from '@/lib/api/queries/find-partner-order';
import { runRelay } from '@/lib/events/relay';
import { eventSubscribers } from '@/lib/jobs/event-subscribers';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { pollUpstreamOrders } from '@/lib/supplier-push/poll-upstream-orders';
import { getConnector } from '@/lib/suppliers/registry';
import { createUser } from '@/lib/auth/create-user';
import { addItemPhotos } from '@/lib/warehouse/photos/add-item-photos';
import { setPhotoSharing } from '@/lib/warehouse/photos/photo-sharing';
import { isPublicWarehousePhoto, productWarehousePhotos } from '@/lib/warehouse/photos/queries/product-warehouse-photos';
import { photoStoreFromEnv } from '@/lib/warehouse/photos/photo-store';
import { receiveParcel } from '@/lib/warehouse/receive-parcel';
import { createPurchasingWorld, placePaidOrder, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

// QC photos against real MariaDB, the 1688 sandbox, the private photo store and the test server's
// /qc-photos route: bought, shipped, received, photographed; private, EXIF-free, counted once.
const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const baseUrl = process.env.FERRY_TEST_BASE_URL ?? 'http://localhost:3100';
const staff = { type: 'user' as const, id: 1, label: 'warehouse@ferry.test' };
let world: PurchasingWorld;
let sellers: CatalogSku[][];

beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_qc_photos');
  sellers = await skusBySeller(world);
});
afterAll(async () => world?.close());

/** A phone photo: JPEG with a GPS position and the camera's make in its EXIF. */
async function phonePhoto(shade = 120): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: shade, g: 90, b: 60 } } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'FerryPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 32/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 3/1 0/1' } })
    .toBuffer();
}

/** One bought, shipped and received item of a seller (a partner's order unless a shopper is given). */
async function receivedItem(seller: CatalogSku[], shopper?: { id: number; email: string }) {
  await world.control(`/__sandbox/offers/${seller[0]!.offerId}/skus/${seller[0]!.sourceSkuId}`, 'POST', { stock: 100 });
  const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 1 }], shopper ? { customer: { type: 'user', userId: shopper.id, email: shopper.email } } : {});
  await runPurchasing(world.db, world.redis);
  const [item] = await world.db.select({ id: orderItems.id, poId: orderItems.purchaseOrderId }).from(orderItems).where(eq(orderItems.orderId, order.id));
  const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, item!.poId!));
  const shipped = await world.control<{ packages: { billNo: string }[] }>(`/__sandbox/orders/${po!.upstreamOrderId}/ship`, 'POST', { packages: 1 });
  await pollUpstreamOrders(world.db, { connectors: [getConnector('1688')], now: new Date(Date.now() + 1000) });
  await runRelay(world.db, eventSubscribers);
  const received = await receiveParcel(world.db, { trackingNumber: shipped.packages[0]!.billNo, measurement: { weightGrams: 350 } }, staff);
  expect(received).toMatchObject({ matched: true });
  return { order, itemId: item!.id };
}

const photosOf = (itemId: number) => world.db.select().from(qcPhotos).where(eq(qcPhotos.orderItemId, itemId)).orderBy(asc(qcPhotos.id));
const itemRow = async (itemId: number) => (await world.db.select().from(orderItems).where(eq(orderItems.id, itemId)))[0]!;

describe('QC photos', () => {
  it('are stored privately without EXIF; the decision window starts when the allowance is reached; the partner gets signed URLs the server serves', async () => {
    const { order, itemId } = await receivedItem(sellers[0]!);
    const first = await addItemPhotos(world.db, { itemId, files: [await phonePhoto(100), await phonePhoto(140)], note: 'Length 68 cm, chest 52 cm', actor: staff, uploadedBy: 1 });
    expect(first).toMatchObject({ itemId, orderNumber: order.number, photos: 2, added: 2, allowance: 3, ready: false });
    expect(await itemRow(itemId)).toMatchObject({ qcNote: 'Length 68 cm, chest 52 cm', qcReadyAt: null });

    const third = await addItemPhotos(world.db, { itemId, files: [await phonePhoto(180)], actor: staff, uploadedBy: 1 });
    expect(third).toMatchObject({ photos: 3, allowance: 3, ready: true });
    expect((await itemRow(itemId)).qcReadyAt).toBeInstanceOf(Date);

    const rows = await photosOf(itemId);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const original = (await photoStoreFromEnv().read(row.storageKey, 'original'))!;
      expect(original.includes(Buffer.from('FerryPhone'))).toBe(false);
      expect((await sharp(original).metadata()).exif).toBeUndefined();
      expect((await sharp((await photoStoreFromEnv().read(row.storageKey, '400'))!).metadata()).format).toBe('webp');
    }
    const facts = await world.db.select({ payload: orderEvents.payload }).from(orderEvents).where(and(eq(orderEvents.subjectType, 'order_item'), eq(orderEvents.subjectId, itemId), eq(orderEvents.type, 'item.photographed')));
    expect(facts.map((f) => (f.payload as { ready: boolean }).ready)).toEqual([false, true]);
    expect(await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'warehouse.photographed'), eq(auditLog.subjectId, String(itemId))))).toHaveLength(2);

    const api = await findPartnerOrder(world.db, baseUrl, 'pk_purchasing_test', order.number);
    const urls = api!.items[0]!.fulfilment.photos;
    expect(urls).toHaveLength(3);
    const served = await fetch(urls[0]!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toMatch(/^private/);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(640);
    // A forged signature, another size under the same signature, or the public media route: nothing.
    const url = new URL(urls[0]!);
    expect((await fetch(`${url.origin}${url.pathname}?e=${url.searchParams.get('e')}&s=AAAA${url.searchParams.get('s')!.slice(4)}`)).status).toBe(404);
    expect((await fetch(`${url.origin}${url.pathname.replace('/1600', '/original')}${url.search}`)).status).toBe(404);
    expect((await fetch(`${url.origin}${url.pathname}`)).status).toBe(404);
    const key = rows[0]!.storageKey;
    expect((await fetch(`${baseUrl}/media/${key.slice(0, 2)}/${key}-800.webp`)).status).toBe(404);
  });

  it('count uploads made at the same moment once each, and start the window once', async () => {
    const { itemId } = await receivedItem(sellers[1]!);
    const results = await Promise.all([0, 1].map(async (i) => addItemPhotos(world.db, { itemId, files: [await phonePhoto(60 + i), await phonePhoto(90 + i)], actor: staff })));
    expect(results.map((r) => r.photos).sort()).toEqual([2, 4]);
    expect(results.filter((r) => r.ready)).toHaveLength(1);
    expect(await photosOf(itemId)).toHaveLength(4);
  });

  it('refuse a file that is not an image, a photo of an item not received, and an unknown item, storing nothing', async () => {
    const { itemId } = await receivedItem(sellers[2]!);
    const refused = await addItemPhotos(world.db, { itemId, files: [await phonePhoto(), Buffer.from('<script>alert(1)</script>')], actor: staff }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation_failed', details: { reason: 'not_image' } });
    expect(await photosOf(itemId)).toHaveLength(0);
    await expect(addItemPhotos(world.db, { itemId, files: [await phonePhoto()], note: 'x'.repeat(501), actor: staff })).rejects.toMatchObject({ code: 'validation_failed', details: { reason: 'note_too_long' } });
    expect(await photosOf(itemId)).toHaveLength(0);

    await world.control(`/__sandbox/offers/${sellers[3]![0]!.offerId}/skus/${sellers[3]![0]!.sourceSkuId}`, 'POST', { stock: 100 });
    const upstream = await placePaidOrder(world, [{ skuId: sellers[3]![0]!.skuId, quantity: 1 }]);
    const [line] = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, upstream.id));
    await expect(addItemPhotos(world.db, { itemId: line!.id, files: [await phonePhoto()], actor: staff })).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(addItemPhotos(world.db, { itemId: 987_654_321, files: [await phonePhoto()], actor: staff })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('`ferry warehouse photo` adds one photo and prints the count; anything that is not an image exits non-zero', async () => {
    const { itemId } = await receivedItem(sellers[4]!);
    const dir = await mkdtemp(path.join(tmpdir(), 'ferry-photo-'));
    await writeFile(path.join(dir, 'shot.jpg'), await phonePhoto());
    await writeFile(path.join(dir, 'notes.txt'), 'not a photo');
    const cli = async (...args: string[]) =>
      run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', 'warehouse', 'photo', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: world.url, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
        timeout: 60_000,
      }).then(
        ({ stdout }) => ({ code: 0, out: stdout }),
        (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
      );
    const ok = await cli('--item', String(itemId), '--file', path.join(dir, 'shot.jpg'));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ itemId, photos: 1 });
    const bad = await cli('--item', String(itemId), '--file', path.join(dir, 'notes.txt'));
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/not an image/i);
    expect((await cli('--item', 'abc', '--file', path.join(dir, 'shot.jpg'))).code).toBe(2);
    expect((await cli('--item', String(itemId), '--file', path.join(dir, 'missing.jpg'))).code).toBe(2);
    expect(await photosOf(itemId)).toHaveLength(1);
  });

  it('appear on the product page only for shoppers who share them, never a partner\'s customers, and stop at once when consent is withdrawn', async () => {
    const seller = sellers[5]!;
    const sharing = await createUser(world.db, { email: 'shares@ferry.test', password: 'correct horse battery', role: 'customer' });
    const private_ = await createUser(world.db, { email: 'private@ferry.test', password: 'correct horse battery', role: 'customer' });
    await setPhotoSharing(world.db, private_, false);
    const shared = await receivedItem(seller, sharing);
    const hidden = await receivedItem(seller, private_);
    const partner = await receivedItem(seller);
    for (const { itemId } of [shared, hidden, partner]) await addItemPhotos(world.db, { itemId, files: [await phonePhoto()], actor: staff });
    const keyOf = async (itemId: number) => (await photosOf(itemId))[0]!.storageKey;

    const shown = await productWarehousePhotos(world.db, seller[0]!.productId);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toEqual({ attributes: expect.any(Array), weightGrams: 350, month: new Date().toISOString().slice(0, 7), photos: [{ key: await keyOf(shared.itemId), width: 640, height: 480 }] });
    expect(JSON.stringify(shown)).not.toMatch(/shares@|Ana Ruiz|FR\d/);
    expect(await isPublicWarehousePhoto(world.db, await keyOf(shared.itemId))).toBe(true);
    expect(await isPublicWarehousePhoto(world.db, await keyOf(hidden.itemId))).toBe(false);
    expect(await isPublicWarehousePhoto(world.db, await keyOf(partner.itemId))).toBe(false);

    expect(await setPhotoSharing(world.db, sharing, false)).toEqual([seller[0]!.productId]);
    expect(await productWarehousePhotos(world.db, seller[0]!.productId)).toEqual([]);
    expect(await isPublicWarehousePhoto(world.db, await keyOf(shared.itemId))).toBe(false);
  });
});
