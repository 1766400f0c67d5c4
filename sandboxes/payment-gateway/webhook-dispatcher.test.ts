import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { PaymentStore } from './payment-store';
import { buildEvent } from './stripe-objects';
import { sleep, startTestReceiver, type TestReceiver } from './test-receiver';
import { WebhookDispatcher, type DispatcherOptions } from './webhook-dispatcher';

const secret = 'whsec_dispatcher_suite';
const store = new PaymentStore({ payUrl: (id) => `http://pay.test/pay/${id}`, slowApprovalMs: 0, emit: () => {} });
const intent = store.createIntent({ amount: '1000', currency: 'usd', metadata: { order_number: 'FR-1' } });
const open: Array<{ close(): unknown }> = [];

afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function setup(respond: Parameters<typeof startTestReceiver>[0], options: Partial<DispatcherOptions>) {
  const receiver = await startTestReceiver(respond);
  const dispatcher = new WebhookDispatcher({ url: receiver.url, secret, duplicates: false, reorder: false, retry: { attempts: 5, baseMs: 20 }, ...options });
  open.push(dispatcher, receiver);
  return { receiver, dispatcher };
}

const verify = (receiver: TestReceiver) => receiver.received.forEach((r) => Stripe.webhooks.constructEvent(r.body, r.signature, secret));

describe('WebhookDispatcher', () => {
  it('sends every event two or three times under one id, two copies at once, a third only after the first settled', async () => {
    const { receiver, dispatcher } = await setup(async () => (await sleep(40), 200), { duplicates: true });
    const events = Array.from({ length: 30 }, () => buildEvent('payment_intent.succeeded', intent));
    events.forEach((event) => dispatcher.dispatch(event));
    await receiver.waitFor((received) => events.every((event) => received.filter((r) => r.event.id === event.id).length >= 2));
    await sleep(200);
    const counts = events.map((event) => receiver.received.filter((r) => r.event.id === event.id).length);
    expect(counts.every((n) => n === 2 || n === 3)).toBe(true);
    expect(counts).toContain(3);
    expect(receiver.maxConcurrentPerEvent()).toBeGreaterThanOrEqual(2);
    for (const event of events) {
      const arrivals = receiver.received.filter((r) => r.event.id === event.id).map((r) => r.at);
      // The receiver holds each answer 40 ms, so a third copy sent after an answer arrives that much later.
      if (arrivals.length === 3) expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(38);
    }
    verify(receiver);
  });

  it('sends each event once when duplicates are off', async () => {
    const { receiver, dispatcher } = await setup(() => 200, {});
    for (let i = 0; i < 5; i++) dispatcher.dispatch(buildEvent('payment_intent.succeeded', intent));
    await receiver.waitFor((received) => received.length >= 5);
    await sleep(150);
    expect(receiver.received).toHaveLength(5);
    expect(new Set(receiver.received.map((r) => r.event.id)).size).toBe(5);
  });

  it('lets later events overtake earlier ones when reorder is on', async () => {
    const { receiver, dispatcher } = await setup(() => 200, { reorder: true });
    const ids = Array.from({ length: 20 }, () => buildEvent('payment_intent.succeeded', intent)).map((event) => (dispatcher.dispatch(event), event.id));
    await receiver.waitFor((received) => received.length === 20, 2_000);
    const arrival = receiver.received.map((r) => r.event.id);
    expect([...arrival].sort()).toEqual([...ids].sort());
    expect(arrival).not.toEqual(ids);
  });

  it('retries failures with growing, jittered delays and a fresh valid signature each time', async () => {
    const { receiver, dispatcher } = await setup((_request, index) => (index < 3 ? 503 : 200), {});
    dispatcher.dispatch(buildEvent('charge.refunded', intent));
    await receiver.waitFor((received) => received.length === 4);
    await sleep(20);
    // Measured from the log, which is written when an answer arrives, i.e. just before the wait starts.
    const log = dispatcher.deliveries();
    const gaps = log.slice(1).map((d, i) => Date.parse(d.at) - Date.parse(log[i]!.at));
    // attempt n waits baseMs × 2^(n-1) × [0.5, 1): at least 10, 20, 40 ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(9);
    expect(gaps[1]).toBeGreaterThanOrEqual(19);
    expect(gaps[2]).toBeGreaterThanOrEqual(39);
    verify(receiver);
    expect(log.map((d) => d.status)).toEqual([503, 503, 503, 200]);
  });

  it('treats a dropped connection as a failure to retry, and records it', async () => {
    const { receiver, dispatcher } = await setup((_request, index) => (index === 0 ? 'drop' : 200), {});
    dispatcher.dispatch(buildEvent('payment_intent.succeeded', intent));
    await receiver.waitFor((received) => received.length === 2);
    await sleep(20);
    const [failed, ok] = dispatcher.deliveries();
    expect(failed).toMatchObject({ attempt: 1, status: null, error: expect.any(String) });
    expect(ok).toMatchObject({ attempt: 2, status: 200, error: null, type: 'payment_intent.succeeded' });
  });

  it('gives up after the configured attempts without throwing', async () => {
    const { receiver, dispatcher } = await setup(() => 500, { retry: { attempts: 3, baseMs: 5 } });
    dispatcher.dispatch(buildEvent('payment_intent.succeeded', intent));
    await receiver.waitFor((received) => received.length >= 3);
    await sleep(150);
    expect(receiver.received).toHaveLength(3);
    expect(dispatcher.deliveries().map((d) => d.attempt)).toEqual([1, 2, 3]);
  });

  it('survives an endpoint nobody listens on', async () => {
    const lines: string[] = [];
    const dispatcher = new WebhookDispatcher({ url: 'http://127.0.0.1:9/none', secret, duplicates: true, reorder: true, retry: { attempts: 2, baseMs: 5 }, log: (line) => lines.push(line) });
    open.push(dispatcher);
    dispatcher.dispatch(buildEvent('payment_intent.succeeded', intent));
    await sleep(500);
    const log = dispatcher.deliveries();
    expect(log.length).toBeGreaterThanOrEqual(4);
    expect(log.every((d) => d.status === null && d.error !== null)).toBe(true);
    expect(lines.some((line) => line.includes('gave up'))).toBe(true);
  });

  it('stops retrying once closed', async () => {
    const { receiver, dispatcher } = await setup(() => 500, { retry: { attempts: 5, baseMs: 100 } });
    dispatcher.dispatch(buildEvent('payment_intent.succeeded', intent));
    await receiver.waitFor((received) => received.length === 1);
    dispatcher.close();
    await sleep(300);
    expect(receiver.received).toHaveLength(1);
  });
});
