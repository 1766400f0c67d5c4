import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import { sweepStoredWebhooks } from '@/lib/jobs/webhook-consumers';
import { processPendingWebhooks, processWebhookEvent } from '@/lib/payments/process-webhook-event';
import { receivePaymentWebhook } from '@/lib/payments/receive-webhook';
import { alibaba1688Keys } from '@/lib/suppliers/alibaba-1688/keys';
import { signPush } from '@/lib/suppliers/alibaba-1688/sign';
import { drainPushQueue } from '@/lib/supplier-push/drain-push-queue';
import { receivePush } from '@/lib/supplier-push/receive-push';
import { resetConnectors } from '@/lib/suppliers/registry';
import { storeWebhook } from '@/lib/webhooks/store-webhook';
import { formatPushTime } from '@/sandboxes/alibaba-1688/time-format';
import { signedEvent } from '../support/purchasing-world';
import { createTestDatabase } from '../support/test-database';

// One intake for every webhook: (source, event id) stored once with the consumer that owns it, and
// each consumer's sweeper applies only its own rows. Payments and 1688 pushes side by side, in
// one real database; the last part sends real deliveries to the running server.

let msgSeq = Date.now() * 100 + 7;

/** A signed 1688 stock push for an offer no shop has (applied as `unknown_offer`). */
function pushBody(msgId = ++msgSeq): { body: string; msgId: string } {
  const at = Date.now();
  const message = JSON.stringify({
    msgId,
    gmtBorn: at,
    type: 'PRODUCT_PRODUCT_INVENTORY_CHANGE',
    bizKey: '990000000001',
    userInfo: 'b2b-ferry-test',
    data: { OfferInventoryChangeList: [{ offerId: 990000000001, offerOnSale: 5, skuId: 990000000002, skuOnSale: 5, quantity: -1, bizTime: formatPushTime(at) }] },
  });
  return { body: new URLSearchParams({ message, _aop_signature: signPush(message, alibaba1688Keys().appSecret) }).toString(), msgId: String(msgId) };
}

/** A signed payment event for an order no shop has (applied as `unknown_order`). */
const paymentEvent = () =>
  signedEvent('payment_intent.succeeded', { id: `pi_${randomUUID()}`, object: 'payment_intent', amount: 1000, currency: 'eur', metadata: { order_number: 'FR000000-NOPE' } });

describe('the webhook intake (one database)', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase('ferry_test_intake');
    db = database.db;
    drop = database.drop;
    resetConnectors();
  });
  afterAll(async () => {
    resetConnectors();
    await drop?.();
  });
  beforeEach(async () => {
    await db.delete(webhookEvents);
  });

  const rowOf = async (id: number) => (await db.select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0]!;
  /** Makes rows old enough for the sweepers, as if the server had died right after answering. */
  const age = (ids: number[]) => db.update(webhookEvents).set({ receivedAt: new Date(Date.now() - 60_000) }).where(inArray(webhookEvents.id, ids));

  it('stores a payment event delivered 20 times at once exactly once, owned by payments', async () => {
    const event = paymentEvent();
    const results = await Promise.all(Array.from({ length: 20 }, () => receivePaymentWebhook(db, 'sandbox', event.body, event.header)));
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const [rows] = await db.select({ n: count() }).from(webhookEvents);
    expect(rows!.n).toBe(1);
    expect(await rowOf(results[0]!.id)).toMatchObject({ source: 'sandbox', consumer: 'payments', deliveries: 20, processedAt: null, outcome: null });
  });

  it('stores a 1688 push delivered 20 times at once exactly once, owned by the push worker', async () => {
    const push = pushBody();
    const results = await Promise.all(Array.from({ length: 20 }, () => receivePush(db, '1688', push.body)));
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await rowOf(results[0]!.id)).toMatchObject({ source: '1688', eventId: push.msgId, consumer: 'supplier-push', deliveries: 20 });
  });

  it('keeps the first owner when the same (source, event id) comes back through another door', async () => {
    const first = await storeWebhook(db, { source: 'sandbox', eventId: 'evt_shared', type: 't', payload: '{}', consumer: 'payments' });
    const again = await storeWebhook(db, { source: 'sandbox', eventId: 'evt_shared', type: 't', payload: '{}', consumer: 'supplier-push' });
    expect(again).toEqual({ id: first.id, isNew: false });
    expect(await rowOf(first.id)).toMatchObject({ consumer: 'payments', deliveries: 2 });
  });

  it('refuses an event id the table cannot hold, storing nothing', async () => {
    await expect(storeWebhook(db, { source: 'sandbox', eventId: '', type: 't', payload: '{}', consumer: 'payments' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(storeWebhook(db, { source: 'sandbox', eventId: 'x'.repeat(101), type: 't', payload: '{}', consumer: 'payments' })).rejects.toMatchObject({ code: 'bad_request' });
    const [rows] = await db.select({ n: count() }).from(webhookEvents);
    expect(rows!.n).toBe(0);
  });

  it('lets each consumer sweep only its own rows: the push worker never takes a payment, payments never a push', async () => {
    const event = paymentEvent();
    const payment = await receivePaymentWebhook(db, 'sandbox', event.body, event.header);
    const push = await receivePush(db, '1688', pushBody().body);
    await age([payment.id, push.id]);

    expect(await drainPushQueue(db, null)).toBe(1);
    expect(await rowOf(push.id)).toMatchObject({ processedAt: expect.any(Date), outcome: 'unknown_offer', error: 'ignored: unknown_offer' });
    expect(await rowOf(payment.id)).toMatchObject({ processedAt: null, outcome: null });

    // Handed a push's id, the payments processor claims nothing and leaves the row as it was.
    const fresh = await receivePush(db, '1688', pushBody().body);
    expect(await processWebhookEvent(db, null, fresh.id)).toBe('already_processed');
    expect(await rowOf(fresh.id)).toMatchObject({ processedAt: null, outcome: null, error: null });

    await age([fresh.id]);
    expect(await processPendingWebhooks(db, null)).toBe(1);
    expect(await rowOf(payment.id)).toMatchObject({ processedAt: expect.any(Date), outcome: 'unknown_order', error: 'unknown_order' });
    expect(await rowOf(fresh.id)).toMatchObject({ processedAt: null });
  });

  it('runs every registered consumer from the periodic job, leaving fresh rows to the request that stored them', async () => {
    const event = paymentEvent();
    const payment = await receivePaymentWebhook(db, 'sandbox', event.body, event.header);
    const push = await receivePush(db, '1688', pushBody().body);
    expect(await sweepStoredWebhooks(db, null)).toBe(0);
    await age([payment.id, push.id]);
    expect(await sweepStoredWebhooks(db, null)).toBe(2);
    expect((await rowOf(payment.id)).outcome).toBe('unknown_order');
    expect((await rowOf(push.id)).outcome).toBe('unknown_offer');
  });
});

// Against the server `npm test` starts (scripts/test.sh): the real routes, raw body to stored row.
const base = process.env.FERRY_TEST_BASE_URL;

describe('the webhook intake behind the running server', () => {
  afterAll(() => closeDatabases());

  async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return check();
  }

  it('stores concurrent deliveries of one payment event and one push once each, with their consumers', async () => {
    expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
    const db = databaseFor(process.env.DATABASE_URL!);
    const event = paymentEvent();
    const push = pushBody();
    const eventId = (JSON.parse(event.body) as { id: string }).id;
    const send = (path: string, body: string, headers: Record<string, string>) => fetch(`${base}${path}`, { method: 'POST', headers, body });
    const responses = await Promise.all([
      ...Array.from({ length: 8 }, () => send('/api/webhooks/payments/sandbox', event.body, { 'content-type': 'application/json', 'stripe-signature': event.header })),
      ...Array.from({ length: 8 }, () => send('/api/webhooks/1688', push.body, { 'content-type': 'application/x-www-form-urlencoded' })),
    ]);
    const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, json: (await r.json()) as { duplicate?: boolean } })));
    expect(bodies.map((b) => b.status)).toEqual(Array(16).fill(200));
    expect(bodies.slice(0, 8).filter((b) => b.json.duplicate === false)).toHaveLength(1);
    expect(bodies.slice(8).filter((b) => b.json.duplicate === false)).toHaveLength(1);

    const stored = () =>
      db
        .select({ source: webhookEvents.source, consumer: webhookEvents.consumer, deliveries: webhookEvents.deliveries, outcome: webhookEvents.outcome })
        .from(webhookEvents)
        .where(
          and(
            inArray(webhookEvents.source, ['sandbox', '1688']),
            inArray(webhookEvents.eventId, [eventId, push.msgId]),
          ),
        );
    const rows = await stored();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.source === 'sandbox')).toMatchObject({ consumer: 'payments', deliveries: 8 });
    expect(rows.find((r) => r.source === '1688')).toMatchObject({ consumer: 'supplier-push', deliveries: 8 });
    // Each is applied by its own consumer after the answer.
    const isApplied = await waitFor(async () => (await stored()).every((r) => r.outcome !== null), 15_000);
    expect(isApplied).toBe(true);
    expect(Object.fromEntries((await stored()).map((r) => [r.consumer, r.outcome]))).toEqual({ payments: 'unknown_order', 'supplier-push': 'unknown_offer' });
  });
});
