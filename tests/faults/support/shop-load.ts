import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { signedFetch, type ApiCredentials } from '../../support/api-client';
import { sleep } from './fault-stack';

/**
 * Partners placing orders through the open API and the gateway delivering their payments, as the
 * fault suite's load. Both behave like careful clients: a 503 (or a 409 "in progress", or no
 * answer at all) is retried with the same Idempotency-Key / the same event until a definitive
 * answer, every RETRY_MS; every answer is recorded for the checks and the measurements.
 */
export type Answer = { at: number; ms: number; status: number; code: string | null; retryAfter: string | null; isJsonError: boolean; degraded: boolean };
export type PlacedOrder = { orderNumber: string; status: string; charge: { amountMinor: number; currency: string; rate: string } };
export type Attempt = { ref: string; skuId: number; quantity: number; answers: Answer[]; order: PlacedOrder | null; outcome: 'placed' | 'refused' | 'unresolved' };
export type Delivery = { eventId: string; paymentId: string; orderNumber: string; answers: Answer[]; isAcknowledged: boolean; redelivered: boolean };

const RETRY_MS = 250;
/** A payment arrives this long after its order (so some arrive while a fault is on). */
const PAY_AFTER_MS = { min: 300, max: 2_500 };
const THINK_MS = 30;
/** No answer at all (a socket reset) is recorded with this status. */
export const NO_ANSWER = 0;

export type ShopOptions = {
  baseUrl: string;
  partners: ApiCredentials[];
  skuIds: number[];
  webhookSecret: string;
  shoppersPerPartner: number;
  payers: number;
  /** Share of placed orders that get paid; the rest expire (their units come back). */
  payRatio: number;
};

export class ShopLoad {
  readonly attempts: Attempt[] = [];
  readonly deliveries: Delivery[] = [];
  /** Orders to pay, each when its shopper would have finished paying (a few seconds after the order). */
  private readonly payQueue: { order: PlacedOrder; dueAt: number }[] = [];
  private isRunning = false;
  private giveUpAt = Infinity;
  private loops: Promise<void>[] = [];
  private readonly stripe = new Stripe('sk_test_unused');

  constructor(private readonly options: ShopOptions) {}

  start(): void {
    this.isRunning = true;
    this.giveUpAt = Infinity;
    const { partners, shoppersPerPartner, payers } = this.options;
    this.loops = [
      ...partners.flatMap((p) => Array.from({ length: shoppersPerPartner }, () => this.shop(p))),
      ...Array.from({ length: payers }, () => this.pay()),
    ];
  }

  /** No new orders; what is in flight is retried for up to `graceMs`, then given up (recorded unresolved). */
  async stop(graceMs: number): Promise<void> {
    this.isRunning = false;
    this.giveUpAt = Date.now() + graceMs;
    await Promise.all(this.loops);
  }

  answers(): Answer[] {
    return [...this.attempts.flatMap((a) => a.answers), ...this.deliveries.flatMap((d) => d.answers)];
  }

  private async shop(partner: ApiCredentials): Promise<void> {
    const { skuIds, payRatio } = this.options;
    while (this.isRunning) {
      const ref = randomUUID();
      const attempt: Attempt = { ref, skuId: skuIds[Math.floor(Math.random() * skuIds.length)]!, quantity: 1 + Math.floor(Math.random() * 2), answers: [], order: null, outcome: 'unresolved' };
      this.attempts.push(attempt);
      const body = {
        items: [{ skuId: attempt.skuId, quantity: attempt.quantity }],
        currency: 'EUR',
        shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: 'Madrid', postalCode: '28013', country: 'ES', phone: '+34911234567' },
        externalRef: ref,
      };
      while (Date.now() < this.giveUpAt) {
        const { answer, json } = await this.send(() => signedFetch(this.options.baseUrl, partner, 'POST', '/api/v1/orders', body, { 'Idempotency-Key': ref }));
        attempt.answers.push(answer);
        if (answer.status === 201) {
          attempt.order = json as PlacedOrder;
          attempt.outcome = 'placed';
          if (Math.random() < payRatio) this.payQueue.push({ order: attempt.order, dueAt: Date.now() + PAY_AFTER_MS.min + Math.random() * (PAY_AFTER_MS.max - PAY_AFTER_MS.min) });
          break;
        }
        if (answer.status === 409 && answer.code === 'out_of_stock') {
          attempt.outcome = 'refused';
          break;
        }
        if (!isRetryable(answer)) break;
        await sleep(RETRY_MS);
      }
      await sleep(THINK_MS);
    }
  }

  private async pay(): Promise<void> {
    while (this.isRunning || (this.payQueue.length > 0 && Date.now() < this.giveUpAt)) {
      const due = this.payQueue.findIndex((p) => p.dueAt <= Date.now() || !this.isRunning);
      if (due < 0) {
        await sleep(20);
        continue;
      }
      const { order } = this.payQueue.splice(due, 1)[0]!;
      const paymentId = `pi_${randomUUID()}`;
      const delivery: Delivery = { eventId: `evt_${randomUUID()}`, paymentId, orderNumber: order.orderNumber, answers: [], isAcknowledged: false, redelivered: false };
      this.deliveries.push(delivery);
      const payload = JSON.stringify({
        id: delivery.eventId,
        object: 'event',
        type: 'payment_intent.succeeded',
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: paymentId,
            object: 'payment_intent',
            amount: order.charge.amountMinor,
            amount_received: order.charge.amountMinor,
            currency: order.charge.currency.toLowerCase(),
            metadata: { order_number: order.orderNumber },
          },
        },
      });
      // At least once, like a real gateway: until acknowledged, and now and then once more after.
      const deliver = () =>
        this.send(() =>
          fetch(`${this.options.baseUrl}/api/webhooks/payments/sandbox`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Stripe-Signature': this.stripe.webhooks.generateTestHeaderString({ payload, secret: this.options.webhookSecret }) },
            body: payload,
          }),
        );
      while (Date.now() < this.giveUpAt) {
        const { answer } = await deliver();
        delivery.answers.push(answer);
        if (answer.status >= 200 && answer.status < 300) {
          delivery.isAcknowledged = true;
          break;
        }
        if (!isRetryable(answer)) break;
        await sleep(RETRY_MS);
      }
      if (delivery.isAcknowledged && Math.random() < 0.1) {
        delivery.redelivered = true;
        delivery.answers.push((await deliver()).answer);
      }
    }
  }

  private async send(request: () => Promise<Response>): Promise<{ answer: Answer; json: unknown }> {
    const started = Date.now();
    try {
      const res = await request();
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      const isJsonError = !!error && typeof error.code === 'string' && typeof error.message === 'string' && error.message.length > 0;
      return {
        answer: {
          at: started,
          ms: Date.now() - started,
          status: res.status,
          code: isJsonError ? String(error!.code) : null,
          retryAfter: res.headers.get('retry-after'),
          isJsonError,
          degraded: res.headers.get('x-ferry-degraded') !== null,
        },
        json,
      };
    } catch {
      return { answer: { at: started, ms: Date.now() - started, status: NO_ANSWER, code: null, retryAfter: null, isJsonError: false, degraded: false }, json: null };
    }
  }
}

function isRetryable(answer: Answer): boolean {
  return answer.status === 503 || answer.status === NO_ANSWER || (answer.status === 409 && answer.code === 'idempotency_in_progress');
}
