import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogWorld } from './catalog-world';
import { PushDispatcher } from './push-dispatcher';
import { PushPublisher } from './push-messages';

type Received = { message: string; signature: string; contentType: string };

async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      received.push({ message: form.get('message') ?? '', signature: form.get('_aop_signature') ?? '', contentType: String(req.headers['content-type']) });
      res.writeHead(statuses[received.length - 1] ?? 200).end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/1688`;
  const waitFor = async (count: number) => {
    for (const deadline = Date.now() + 3_000; received.length < count; ) {
      if (Date.now() > deadline) throw new Error(`expected ${count} pushes, got ${received.length}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return received;
  };
  return { url, received, waitFor, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const secret = 'ferry-demo-1688-secret';
const expectedSignature = (message: string) => createHmac('sha1', secret).update(`message${message}`, 'utf8').digest('hex').toUpperCase();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('PushDispatcher', () => {
  it('posts the message form-encoded with 1688’s signature, without blocking the caller', async () => {
    const r = await receiver();
    const dispatcher = new PushDispatcher({ url: r.url, secret, duplicates: () => false });
    cleanups.push(() => dispatcher.close(), r.close);
    const message = '{"msgId":1,"type":"ORDER_BUYER_VIEW_ORDER_PAY","data":{"orderId":176000000000012345}}';
    dispatcher.send(message, { msgId: 1, type: 'ORDER_BUYER_VIEW_ORDER_PAY' });
    expect(r.received).toHaveLength(0); // queued, not sent inline
    const [push] = await r.waitFor(1);
    expect(push).toEqual({ message, signature: expectedSignature(message), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' });
  });

  it('retries until the receiver answers 2xx', async () => {
    const r = await receiver([500, 503, 200]);
    const dispatcher = new PushDispatcher({ url: r.url, secret, duplicates: () => false, retry: { baseMs: 5 } });
    cleanups.push(() => dispatcher.close(), r.close);
    dispatcher.send('{"msgId":2}', { msgId: 2, type: 'X' });
    await r.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.received).toHaveLength(3);
    expect(dispatcher.deliveries().map((d) => [d.attempt, d.status])).toEqual([[1, 500], [2, 503], [3, 200]]);
  });

  it('sends every message twice when duplicates are on', async () => {
    const r = await receiver();
    const dispatcher = new PushDispatcher({ url: r.url, secret, duplicates: () => true });
    cleanups.push(() => dispatcher.close(), r.close);
    dispatcher.send('{"msgId":3}', { msgId: 3, type: 'X' });
    const received = await r.waitFor(2);
    expect(received.map((p) => p.message)).toEqual(['{"msgId":3}', '{"msgId":3}']);
  });
});

describe('PushPublisher', () => {
  it('batches the stock changes of one tick, ids as numbers, 100 per message', async () => {
    const r = await receiver();
    const dispatcher = new PushDispatcher({ url: r.url, secret, duplicates: () => false });
    cleanups.push(() => dispatcher.close(), r.close);
    const world = new CatalogWorld('ferry-demo', 200);
    const publisher = new PushPublisher(dispatcher, 'b2b-buyer');
    world.onChange((event) => publisher.world(event));
    let changed = 0;
    for (let i = 0; changed < 150; i++) {
      const { offer } = world.live(i);
      world.changeSkus(i, offer.skus.map((s) => ({ skuId: s.skuId, stock: s.amountOnSale + 1 })));
      changed += offer.skus.length;
    }
    const stock = (await r.waitFor(2)).map((p) => JSON.parse(p.message) as { type: string; data: { OfferInventoryChangeList: { offerId: unknown; quantity: number }[] } });
    expect(stock.every((m) => m.type === 'PRODUCT_PRODUCT_INVENTORY_CHANGE')).toBe(true);
    const lists = stock.map((m) => m.data.OfferInventoryChangeList);
    expect(lists[0]).toHaveLength(100);
    expect(lists.flat()).toHaveLength(changed);
    expect(lists.flat().every((c) => typeof c.offerId === 'number' && c.quantity === 1)).toBe(true);
  });
});
