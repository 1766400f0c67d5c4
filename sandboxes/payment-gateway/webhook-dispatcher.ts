import http from 'node:http';
import https from 'node:https';
import { signatureHeader } from './sign';
import type { StripeEvent } from './stripe-objects';

/**
 * At-least-once delivery with the faults a real gateway produces: each event goes out two or three
 * times (one copy concurrently, one after the first copy settled), copies are randomly delayed so
 * they can overtake each other, and failures are retried with exponential backoff and jitter.
 */
export type DeliveryLog = {
  eventId: string;
  type: string;
  /** Which copy of the event (0-based); duplicates share the event id. */
  copy: number;
  /** 1-based attempt within this copy's retry chain. */
  attempt: number;
  /** HTTP status, or null when the request never got an answer. */
  status: number | null;
  error: string | null;
  at: string;
};

export type DispatcherOptions = {
  url: string;
  secret: string;
  duplicates: boolean;
  reorder: boolean;
  retry: { attempts: number; baseMs: number };
  timeoutMs?: number;
  log?: (line: string) => void;
};

const MAX_LOG_ENTRIES = 10_000;
const REORDER_MAX_MS = 300;

export class WebhookDispatcher {
  private readonly log: DeliveryLog[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly requests = new Set<http.ClientRequest>();
  private isClosed = false;

  constructor(private readonly options: DispatcherOptions) {}

  /** Fire and forget: delivery runs in the background and never throws into the caller. */
  dispatch(event: StripeEvent): void {
    const body = JSON.stringify(event);
    const copies = this.options.duplicates ? 2 + Math.floor(Math.random() * 2) : 1;
    const first = this.deliverCopy(event, body, 0);
    if (copies > 1) void this.deliverCopy(event, body, 1);
    // A late copy after the first was already acknowledged is the case that double-books ledgers.
    if (copies > 2) void first.then(() => (this.isClosed ? undefined : this.deliverCopy(event, body, 2)));
  }

  deliveries(): DeliveryLog[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  close(): void {
    this.isClosed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const request of this.requests) request.destroy();
    this.requests.clear();
  }

  private async deliverCopy(event: StripeEvent, body: string, copy: number): Promise<void> {
    const { retry, reorder } = this.options;
    try {
      if (reorder) await this.sleep(Math.random() * REORDER_MAX_MS);
      for (let attempt = 1; attempt <= retry.attempts && !this.isClosed; attempt++) {
        const { status, error } = await this.post(body);
        if (this.isClosed) return;
        this.record({ eventId: event.id, type: event.type, copy, attempt, status, error, at: new Date().toISOString() });
        if (status !== null && status >= 200 && status < 300) return;
        if (attempt === retry.attempts) {
          this.options.log?.(`gave up on ${event.id} (${event.type}) copy ${copy} after ${attempt} attempts: ${error ?? `HTTP ${status}`}`);
          return;
        }
        // Jitter in [0.5, 1) of the exponential step keeps retries of duplicates from marching in lockstep.
        await this.sleep(retry.baseMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
      }
    } catch (error) {
      this.options.log?.(`delivery of ${event.id} failed unexpectedly: ${(error as Error).message}`);
    }
  }

  private post(body: string): Promise<{ status: number | null; error: string | null }> {
    return new Promise((resolve) => {
      const url = new URL(this.options.url);
      const client = url.protocol === 'https:' ? https : http;
      const request = client.request(url, {
        method: 'POST',
        // A fresh connection per attempt: no pooled socket can keep a closed gateway's process alive.
        agent: false,
        timeout: this.options.timeoutMs ?? 10_000,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          // Signed per attempt, as Stripe does, so a long retry chain never goes stale.
          'Stripe-Signature': signatureHeader(body, this.options.secret),
        },
      });
      this.requests.add(request);
      const settle = (status: number | null, error: string | null) => {
        this.requests.delete(request);
        resolve({ status, error });
      };
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => settle(response.statusCode ?? null, null));
        response.on('error', (error) => settle(response.statusCode ?? null, error.message));
      });
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', (error) => settle(null, error.message));
      request.end(body);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private record(entry: DeliveryLog): void {
    this.log.push(entry);
    if (this.log.length > MAX_LOG_ENTRIES) this.log.splice(0, this.log.length - MAX_LOG_ENTRIES);
  }
}
