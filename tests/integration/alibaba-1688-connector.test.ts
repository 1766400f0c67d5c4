import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOffer, type DemoOffer } from '@/lib/catalog/demo';
import { toSourceProduct } from '@/lib/catalog/demo/to-source-product';
import { alibaba1688Keys, cdnUrlFor, createAlibaba1688Connector } from '@/lib/suppliers/alibaba-1688';
import type { PurchaseRequest, SupplierConnector, WarehouseAddress } from '@/lib/suppliers/types';
import { startAlibaba1688Sandbox, type Alibaba1688Sandbox } from '@/sandboxes/alibaba-1688/sandbox';

/**
 * The real 1688 connector against the 1688 sandbox, in-process and without a database: what the
 * connector reads must equal what the seed writes, and every failure mode the sandbox can
 * produce must come out as the SupplierError code Ferry acts on.
 */
const SEED = 'ferry-demo';
const OFFERS = 300;
const SECRET = 'ferry-demo-1688-secret';
const warehouse: WarehouseAddress = {
  fullName: 'Ferry 义乌仓',
  mobile: '13800000000',
  postCode: '322000',
  provinceText: '浙江省',
  cityText: '金华市',
  areaText: '义乌市',
  address: '福田街道 国际商贸城 1 号',
};

type Push = Record<string, string>;
const pushes: Push[] = [];
let receiver: http.Server;
let sandbox: Alibaba1688Sandbox;
let connector: SupplierConnector;

async function control<T = Record<string, unknown>>(method: string, path: string, body?: unknown, base = sandbox.url): Promise<T> {
  const response = await fetch(`${base}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const liveOffer = (offerId: string) => control<DemoOffer & { isOnSale: boolean }>('GET', `/__sandbox/offers/${offerId}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForPush(type: string, mentioning: string): Promise<Push> {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await sleep(20)) {
    const found = pushes.find((p) => p.message?.includes(`"type":"${type}"`) && p.message.includes(mentioning));
    if (found) return found;
  }
  throw new Error(`no ${type} push mentioning ${mentioning} among ${pushes.length}`);
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      pushes.push(Object.fromEntries(new URLSearchParams(body)));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sandbox = await startAlibaba1688Sandbox({
    appKey: '8068168',
    appSecret: SECRET,
    refreshToken: 'ferry-demo-1688-refresh-token',
    offers: OFFERS,
    seed: SEED,
    rate: 1_000,
    tokenTtlSeconds: 3_600,
    pushUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/1688`,
    pushRetry: { baseMs: 20 },
  });
  connector = createAlibaba1688Connector(alibaba1688Keys({ ALIBABA_1688_BASE_URL: sandbox.url, ALIBABA_1688_TIMEOUT_MS: '3000' }));
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

describe('1688 connector against the sandbox: catalog', () => {
  it('reads a product exactly as the seed imports it', async () => {
    for (const index of [0, 7, 123, OFFERS - 1]) {
      const offer = generateOffer(SEED, index);
      const seeded = toSourceProduct(offer);
      // Nothing of the seeded product is lost on the wire, spec ids included; the English subject is
      // null because the demo catalog has none.
      const expected = { ...seeded, subjectTrans: null, isOnSale: true };
      expect(await connector.fetchProduct(offer.offerId)).toEqual(expected);
    }
  });

  it('reports an unknown offer as not_found', async () => {
    await expect(connector.fetchProduct('600000000001')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('checks price and stock of several offers at once, and sees upstream changes', async () => {
    const [a, b] = [generateOffer(SEED, 10), generateOffer(SEED, 11)];
    const sku = a.skus[0]!;
    await control('POST', `/__sandbox/offers/${a.offerId}/skus/${sku.skuId}`, { stock: 7, priceFen: 1234 });
    await control('POST', `/__sandbox/offers/${b.offerId}/off-sale`);
    const quotes = await connector.checkStock([a.offerId, b.offerId, '600000000001']);
    expect(quotes).toHaveLength(3);
    expect(quotes[0]).toMatchObject({ sourceId: a.offerId, isOnSale: true });
    expect(quotes[0]!.skus[0]).toEqual({ sourceSkuId: sku.skuId, priceMinor: 1234, stock: 7, isOnSale: true });
    expect(quotes[0]!.skus.slice(1)).toEqual(a.skus.slice(1).map((s) => ({ sourceSkuId: s.skuId, priceMinor: s.priceFen, stock: s.amountOnSale, isOnSale: true })));
    expect(quotes[1]).toMatchObject({ sourceId: b.offerId, isOnSale: false });
    expect(quotes[1]!.skus.every((s) => s.stock === 0 && !s.isOnSale)).toBe(true);
    expect(quotes[2]).toEqual({ sourceId: '600000000001', isOnSale: false, skus: [] });
    await control('POST', `/__sandbox/offers/${b.offerId}/on-sale`);
  });

  it('searches by keyword', async () => {
    const offer = generateOffer(SEED, 5);
    const keyword = offer.subject.slice(0, 4);
    const page = await connector.search(keyword, 1, 50);
    const hit = page.items.find((item) => item.sourceId === offer.offerId);
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items.every((item) => item.title.includes(keyword))).toBe(true);
    expect(hit).toEqual({ sourceId: offer.offerId, title: offer.subject, priceMinor: Math.min(...offer.skus.map((s) => s.priceFen)), imageUrl: offer.images[0], url: offer.detailUrl });
  });

  it('walks the whole catalog page by page, each offer exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let last: Awaited<ReturnType<SupplierConnector['listCatalog']>> | null = null;
    do {
      last = await connector.listCatalog({ cursor, pageSize: 50, modifiedSince: null });
      seen.push(...last.products.map((p) => p.sourceId));
      expect(last.total).toBe(OFFERS);
      cursor = last.cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(OFFERS);
    expect(new Set(seen)).toEqual(new Set(Array.from({ length: OFFERS }, (_, i) => generateOffer(SEED, i).offerId)));
    // The watermark covers the whole walk: at least every base offer's time, and the changes made above.
    const newestBase = Math.max(...Array.from({ length: OFFERS }, (_, i) => Date.parse(generateOffer(SEED, i).modifiedAt)));
    expect(last.watermark!.getTime()).toBeGreaterThan(newestBase);
  });

  it('walks only what changed since a moment, after a bulk change upstream', async () => {
    const before = new Date();
    await sleep(5);
    const { offerIds } = await control<{ offerIds: string[] }>('POST', '/__sandbox/modify', { fraction: 0.1, seed: 'integration' });
    expect(offerIds).toHaveLength(30);
    const seen: string[] = [];
    let cursor: string | null = null;
    let watermark: Date | null = null;
    do {
      const page = await connector.listCatalog({ cursor, pageSize: 8, modifiedSince: before });
      expect(page.total).toBe(30);
      seen.push(...page.products.map((p) => p.sourceId));
      cursor = page.cursor;
      watermark = page.watermark;
    } while (cursor);
    expect(seen.sort()).toEqual([...offerIds].sort());
    expect(watermark!.getTime()).toBeGreaterThan(before.getTime());
    // The changed prices are what the walk returned.
    const changed = await connector.fetchProduct(offerIds[0]!);
    const upstream = await liveOffer(offerIds[0]!);
    expect(changed.skus.map((s) => [s.priceMinor, s.stock])).toEqual(upstream.skus.map((s) => [s.priceFen, s.amountOnSale]));
  });
});

describe('1688 connector against the sandbox: purchasing', () => {
  // An offer whose first two SKUs can take two units each.
  const stocked = async (from: number): Promise<DemoOffer> => {
    for (let i = from; i < OFFERS; i++) {
      const offer = await liveOffer(generateOffer(SEED, i).offerId);
      if (offer.isOnSale && offer.skus.length >= 2 && offer.skus[0]!.amountOnSale >= 2 && offer.skus[1]!.amountOnSale >= 2) return offer;
    }
    throw new Error('no stocked offer');
  };
  const request = (offer: DemoOffer, externalRef: string): PurchaseRequest => ({
    sellerSourceId: offer.seller.memberId,
    lines: [
      { offerId: offer.offerId, sourceSkuId: offer.skus[0]!.skuId, specId: offer.skus[0]!.specId, quantity: 2 },
      // No spec id: the connector looks it up, as 1688 orders by spec.
      { offerId: offer.offerId, sourceSkuId: offer.skus[1]!.skuId, specId: null, quantity: 1 },
    ],
    address: warehouse,
    externalRef,
  });

  it('previews an order with goods, freight and lines in fen', async () => {
    const offer = await stocked(40);
    const preview = await connector.previewPurchase(request(offer, 'PO-PREVIEW'));
    const goods = offer.skus[0]!.priceFen * 2 + offer.skus[1]!.priceFen;
    expect(preview).toEqual({
      goodsMinor: goods,
      freightMinor: offer.freightFen,
      totalMinor: goods + offer.freightFen,
      lines: [
        { offerId: offer.offerId, sourceSkuId: offer.skus[0]!.skuId, quantity: 2, unitPriceMinor: offer.skus[0]!.priceFen, amountMinor: offer.skus[0]!.priceFen * 2 },
        { offerId: offer.offerId, sourceSkuId: offer.skus[1]!.skuId, quantity: 1, unitPriceMinor: offer.skus[1]!.priceFen, amountMinor: offer.skus[1]!.priceFen },
      ],
    });
  });

  it('places and pays an order once, reads it back, and follows it to shipment', async () => {
    const offer = await stocked(60);
    const from = new Date(Date.now() - 1_000);
    const placed = await connector.placePurchase(request(offer, 'PO-2026-0001'));
    expect(placed.upstreamOrderId).toMatch(/^\d{18}$/);
    expect(placed).toMatchObject({ totalMinor: offer.skus[0]!.priceFen * 2 + offer.skus[1]!.priceFen + offer.freightFen, freightMinor: offer.freightFen });

    const order = await connector.getOrder(placed.upstreamOrderId);
    expect(order).toMatchObject({ upstreamOrderId: placed.upstreamOrderId, status: 'awaiting_shipment', rawStatus: 'waitsellersend', totalMinor: placed.totalMinor, sellerSourceId: offer.seller.memberId, trackingNumbers: [] });
    const modified = await connector.listOrdersModified(from, new Date(Date.now() + 1_000));
    expect(modified.map((o) => o.upstreamOrderId)).toContain(placed.upstreamOrderId);
    expect(await connector.listOrdersModified(new Date(Date.now() + 60_000), new Date(Date.now() + 120_000))).toEqual([]);

    // Stock went down upstream by what was bought.
    const [quote] = await connector.checkStock([offer.offerId]);
    expect(quote!.skus[0]!.stock).toBe(offer.skus[0]!.amountOnSale - 2);

    // A retry with the same reference (say, after a lost answer) returns the same order.
    const again = await connector.placePurchase(request(offer, 'PO-2026-0001'));
    expect(again).toEqual(placed);
    const { orders } = await control<{ orders: { id: string; outOrderId: string }[] }>('GET', '/__sandbox/orders');
    expect(orders.filter((o) => o.outOrderId === 'PO-2026-0001')).toHaveLength(1);

    await control('POST', `/__sandbox/orders/${placed.upstreamOrderId}/ship`);
    const shipped = await connector.getOrder(placed.upstreamOrderId);
    expect(shipped.status).toBe('shipped');
    expect(shipped.trackingNumbers).toHaveLength(1);
  });

  it('refuses more than 100 lines, and mixed sellers, before creating anything', async () => {
    const offer = generateOffer(SEED, 3);
    const { calls: before } = await control<{ calls: Record<string, number> }>('GET', '/__sandbox/stats');
    const tooMany: PurchaseRequest = { ...request(offer, 'PO-BIG'), lines: Array.from({ length: 101 }, () => ({ offerId: offer.offerId, sourceSkuId: offer.skus[0]!.skuId, specId: offer.skus[0]!.specId, quantity: 1 })) };
    await expect(connector.placePurchase(tooMany)).rejects.toMatchObject({ code: 'refused' });
    const other = Array.from({ length: OFFERS }, (_, i) => generateOffer(SEED, i)).find((o) => o.seller.memberId !== offer.seller.memberId)!;
    const mixed: PurchaseRequest = {
      ...request(offer, 'PO-MIXED'),
      lines: [
        { offerId: offer.offerId, sourceSkuId: offer.skus[0]!.skuId, specId: offer.skus[0]!.specId, quantity: 1 },
        { offerId: other.offerId, sourceSkuId: other.skus[0]!.skuId, specId: other.skus[0]!.specId, quantity: 1 },
      ],
    };
    await expect(connector.placePurchase(mixed)).rejects.toMatchObject({ code: 'refused' });
    await expect(connector.previewPurchase(mixed)).rejects.toMatchObject({ code: 'refused' });
    const { calls: after } = await control<{ calls: Record<string, number> }>('GET', '/__sandbox/stats');
    expect(after['alibaba.trade.createCrossOrder'] ?? 0).toBe(before['alibaba.trade.createCrossOrder'] ?? 0);
    expect(after['alibaba.createOrder.preview'] ?? 0).toBe(before['alibaba.createOrder.preview'] ?? 0);
  });

  it('reports short stock upstream as refused with 1688’s code', async () => {
    const offer = await stocked(80);
    await control('POST', `/__sandbox/offers/${offer.offerId}/skus/${offer.skus[0]!.skuId}`, { stock: 1 });
    await expect(connector.previewPurchase(request(offer, 'PO-SHORT'))).rejects.toMatchObject({ code: 'refused', vendorCode: '500_004' });
  });
});

describe('1688 connector against the sandbox: pushes', () => {
  it('verifies the sandbox’s signed order and stock pushes, and rejects forged ones', async () => {
    const offer = generateOffer(SEED, 200);
    await control('POST', `/__sandbox/offers/${offer.offerId}/skus/${offer.skus[0]!.skuId}`, { stock: 3 });
    const stockPush = await waitForPush('PRODUCT_PRODUCT_INVENTORY_CHANGE', `"skuId":${offer.skus[0]!.skuId}`);
    const stock = connector.verifyPush(stockPush);
    expect(stock?.kind).toBe('stock');
    if (stock?.kind !== 'stock') return;
    expect(stock.changes.find((c) => c.sourceSkuId === offer.skus[0]!.skuId)).toMatchObject({ offerId: offer.offerId, stock: 3, delta: 3 - offer.skus[0]!.amountOnSale, isOnSale: true });

    // The order placed above: its payment was announced with the order id as an unquoted 18-digit number.
    const { orders } = await control<{ orders: { id: string; outOrderId: string | null }[] }>('GET', '/__sandbox/orders');
    const orderId = orders.find((o) => o.outOrderId === 'PO-2026-0001')!.id;
    const paid = await waitForPush('ORDER_BUYER_VIEW_ORDER_PAY', `"orderId":${orderId},`);
    expect(connector.verifyPush(paid)).toMatchObject({ kind: 'order', rawType: 'ORDER_BUYER_VIEW_ORDER_PAY', upstreamOrderId: orderId, rawStatus: 'waitsellersend', status: 'awaiting_shipment' });

    expect(connector.verifyPush({ ...paid, _aop_signature: '0'.repeat(40) })).toBeNull();
    expect(connector.verifyPush({ ...paid, message: paid.message!.replace('waitsellersend', 'success') })).toBeNull();
    const forger = createAlibaba1688Connector(alibaba1688Keys({ ALIBABA_1688_APP_SECRET: 'someone-elses-secret' }));
    expect(forger.verifyPush(paid)).toBeNull();
  });
});

describe('1688 connector against the sandbox: failures', () => {
  const productId = generateOffer(SEED, 1).offerId;

  it('maps injected 5xx errors to unavailable and recovers on the next call', async () => {
    await control('POST', '/__sandbox/faults', { failNext: 1, failWith: 'error', apis: ['alibaba.cross.productInfo'] });
    await expect(connector.fetchProduct(productId)).rejects.toMatchObject({ code: 'unavailable', vendorCode: 'gw.ServiceUnavailable' });
    await expect(connector.fetchProduct(productId)).resolves.toMatchObject({ sourceId: productId });
    await control('DELETE', '/__sandbox/faults');
  });

  it('maps injected ACL refusals to refused', async () => {
    await control('POST', '/__sandbox/faults', { failNext: 1, failWith: 'refuse' });
    await expect(connector.checkStock([productId])).rejects.toMatchObject({ code: 'refused', vendorCode: 'gw.APIACLDecline' });
    await control('DELETE', '/__sandbox/faults');
  });

  it('gives up on a held connection after its timeout, as unavailable', async () => {
    const impatient = createAlibaba1688Connector(alibaba1688Keys({ ALIBABA_1688_BASE_URL: sandbox.url, ALIBABA_1688_TIMEOUT_MS: '300' }));
    await impatient.fetchProduct(productId); // token first, so only the API call is held
    await control('POST', '/__sandbox/faults', { failNext: 1, failWith: 'timeout' });
    const started = Date.now();
    await expect(impatient.fetchProduct(productId)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/timed out/) });
    expect(Date.now() - started).toBeLessThan(2_000);
    await control('DELETE', '/__sandbox/faults');
  });

  it('reports a gateway nobody answers at as unavailable', async () => {
    const unreachable = createAlibaba1688Connector(alibaba1688Keys({ ALIBABA_1688_BASE_URL: 'http://127.0.0.1:9', ALIBABA_1688_TIMEOUT_MS: '1000' }));
    await expect(unreachable.fetchProduct(productId)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('answers rate_limited once the app exceeds its call rate', async () => {
    await control('POST', '/__sandbox/faults', { rate: 2 });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => connector.fetchProduct(productId)));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(codes).toContain('rate_limited');
    expect(codes.filter((c) => c !== 'ok' && c !== 'rate_limited')).toEqual([]);
    const stats = await control<{ rateLimited: number }>('GET', '/__sandbox/stats');
    expect(stats.rateLimited).toBeGreaterThan(0);
    await control('DELETE', '/__sandbox/faults');
  });

  it('renews an expired access token transparently, once for many concurrent callers', async () => {
    const shortLived = await startAlibaba1688Sandbox({
      appKey: '8068168', appSecret: SECRET, refreshToken: 'ferry-demo-1688-refresh-token', offers: 20, seed: SEED, rate: 1_000, tokenTtlSeconds: 1, pushUrl: null,
    });
    try {
      const client = createAlibaba1688Connector(alibaba1688Keys({ ALIBABA_1688_BASE_URL: shortLived.url }));
      const id = generateOffer(SEED, 3).offerId;
      await client.fetchProduct(id);
      await sleep(1_100); // the 1 s token has lapsed
      await expect(client.fetchProduct(id)).resolves.toMatchObject({ sourceId: id });
      // The gateway expiring tokens early (revocation, clock skew) is handled the same way.
      await control('POST', '/__sandbox/tokens/expire', undefined, shortLived.url);
      const all = await Promise.all(Array.from({ length: 5 }, () => client.fetchProduct(id)));
      expect(all.every((p) => p.sourceId === id)).toBe(true);
      const stats = await control<{ calls: Record<string, number>; gatewayErrors: Record<string, number> }>('GET', '/__sandbox/stats', undefined, shortLived.url);
      expect(stats.calls.getToken).toBe(3);
      expect(stats.gatewayErrors['gw.AccessTokenExpired']).toBeGreaterThanOrEqual(1);
    } finally {
      await shortLived.close();
    }
  });
});

describe('the sandbox’s demo CDN', () => {
  it('serves offer images where cdnUrlFor points the image pipeline', async () => {
    const image = generateOffer(SEED, 0).images[0]!;
    const response = await fetch(cdnUrlFor(image, { cdnUrl: sandbox.url }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect((await fetch(`${sandbox.url}/img/ibank/not-a-demo-image.jpg`)).status).toBe(404);
  });
});
