import http from 'node:http';
import https from 'node:https';
import { signTrackingWebhook } from '../../lib/tracking/sign';

/**
 * Delivers 17TRACK webhooks the way a receiver must expect them: signed (`sign` header), at least
 * once — non-2xx answers and failed connections are retried with exponential backoff and jitter —
 * and on purpose both duplicated (a second copy after a short random delay) and reordered (a
 * message held back until the next message for the same number has gone out, or `holdMaxMs`).
 * Deliveries run in the background through a small pool and never block an API answer.
 */
export type WebhookDelivery = { msgId: number; number: string; event: string; copy: number; attempt: number; status: number | null; error: string | null; at: string };

export type WebhookStats = { messages: number; attempts: number; delivered: number; duplicates: number; heldBack: number; reordered: number; retries: number; failed: number };

export type WebhookDispatcherOptions = {
  url: string;
  key: string;
  /** Probability (0–1) that a message also goes out a second time. */
  duplicateRate: () => number;
  /** Probability (0–1) that a message is held back behind the number's next one. */
  reorderRate: () => number;
  holdMaxMs?: () => number;
  retry?: { attempts?: number; baseMs?: number };
  concurrency?: number;
  timeoutMs?: number;
  random?: () => number;
  log?: (line: string) => void;
};

type Message = { msgId: number; number: string; event: string; body: string; sign: string };
type Job = Message & { copy: number; attempt: number; onFirstSettled?: () => void };
type Held = { message: Message; timer: NodeJS.Timeout };

const MAX_LOG = 10_000;
const DUPLICATE_DELAY_MAX_MS = 400;

export class WebhookDispatcher {
  private readonly queue: Job[] = [];
  private readonly log: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly requests = new Set<http.ClientRequest>();
  private readonly held = new Map<string, Held>();
  private inFlight = 0;
  private nextMsgId = 1;
  private isClosed = false;
  private counters: WebhookStats = emptyStats();

  constructor(private readonly options: WebhookDispatcherOptions) {}

  /** Fire and forget: signs `payload` exactly as serialized and queues its delivery. */
  send(number: string, event: string, payload: unknown): void {
    if (this.isClosed) return;
    const body = JSON.stringify(payload);
    const message: Message = { msgId: this.nextMsgId++, number, event, body, sign: signTrackingWebhook(body, this.options.key) };
    this.counters.messages++;
    const random = this.options.random ?? Math.random;
    const waiting = this.held.get(number);
    if (waiting) {
      clearTimeout(waiting.timer);
      this.timers.delete(waiting.timer);
      this.held.delete(number);
      // The held message goes out once this later one has had its first try: a receiver sees the newer first.
      this.deliver(message, () => {
        this.counters.reordered++;
        this.deliver(waiting.message);
      });
      return;
    }
    if (random() < this.options.reorderRate()) {
      this.counters.heldBack++;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.held.delete(number);
        this.deliver(message);
      }, this.options.holdMaxMs?.() ?? 5_000);
      this.timers.add(timer);
      this.held.set(number, { message, timer });
      return;
    }
    this.deliver(message);
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  stats(): WebhookStats & { pending: number } {
    return { ...this.counters, pending: this.pending() };
  }

  resetStats(): void {
    this.counters = emptyStats();
    this.log.length = 0;
  }

  pending(): number {
    return this.queue.length + this.inFlight + this.timers.size;
  }

  close(): void {
    this.isClosed = true;
    this.queue.length = 0;
    this.held.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const request of this.requests) request.destroy();
  }

  /** Drops everything queued or held (the control API's reset); in-flight requests finish. */
  clear(): void {
    this.queue.length = 0;
    this.held.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private deliver(message: Message, onFirstSettled?: () => void): void {
    const random = this.options.random ?? Math.random;
    this.enqueue({ ...message, copy: 0, attempt: 1, onFirstSettled });
    if (random() < this.options.duplicateRate()) {
      this.counters.duplicates++;
      this.later(random() * DUPLICATE_DELAY_MAX_MS, { ...message, copy: 1, attempt: 1 });
    }
  }

  private enqueue(job: Job): void {
    if (this.isClosed) return;
    this.queue.push(job);
    this.pump();
  }

  private later(ms: number, job: Job): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.enqueue(job);
    }, ms);
    this.timers.add(timer);
  }

  private pump(): void {
    while (!this.isClosed && this.inFlight < (this.options.concurrency ?? 8) && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      this.inFlight++;
      this.counters.attempts++;
      void this.post(job).then(({ status, error }) => {
        this.inFlight--;
        if (this.isClosed) return;
        this.record({ msgId: job.msgId, number: job.number, event: job.event, copy: job.copy, attempt: job.attempt, status, error, at: new Date().toISOString() });
        const isDelivered = status !== null && status >= 200 && status < 300;
        const attempts = Math.max(1, this.options.retry?.attempts ?? 8);
        if (isDelivered) this.counters.delivered++;
        else if (job.attempt < attempts) {
          this.counters.retries++;
          const baseMs = Math.max(0, this.options.retry?.baseMs ?? 1_000);
          // Jitter keeps the retries of many messages from arriving in lockstep.
          this.later(baseMs * 2 ** (job.attempt - 1) * (0.5 + (this.options.random ?? Math.random)() / 2), { ...job, attempt: job.attempt + 1, onFirstSettled: undefined });
        } else {
          this.counters.failed++;
          this.options.log?.(`gave up on webhook ${job.msgId} (${job.event} ${job.number}) after ${job.attempt} attempts: ${error ?? `HTTP ${status}`}`);
        }
        job.onFirstSettled?.();
        this.pump();
      });
    }
  }

  private post(job: Job): Promise<{ status: number | null; error: string | null }> {
    return new Promise((resolve) => {
      const url = new URL(this.options.url);
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method: 'POST',
        // No pooled sockets: nothing keeps a closed sandbox's process alive.
        agent: false,
        timeout: this.options.timeoutMs ?? 10_000,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(job.body), sign: job.sign },
      });
      this.requests.add(request);
      let isSettled = false;
      const settle = (status: number | null, error: string | null) => {
        if (isSettled) return;
        isSettled = true;
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
      request.end(job.body);
    });
  }

  private record(entry: WebhookDelivery): void {
    this.log.push(entry);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }
}

function emptyStats(): WebhookStats {
  return { messages: 0, attempts: 0, delivered: 0, duplicates: 0, heldBack: 0, reordered: 0, retries: 0, failed: 0 };
}
