import http from 'node:http';
import https from 'node:https';
import { signPush } from '../../lib/suppliers/alibaba-1688/sign';

/**
 * Delivers 1688 message pushes the way the open platform does: a form-encoded POST of
 * `message=<JSON>&_aop_signature=<HMAC>`, at least once — non-2xx answers and dropped
 * connections are retried with exponential backoff, and with `duplicates()` on every message
 * also goes out a second time after a random delay. Deliveries run in the background through a
 * small pool, so a burst of changes never blocks an API answer or opens a thousand sockets.
 */
export type PushDeliveryLog = { msgId: number; type: string; copy: number; attempt: number; status: number | null; error: string | null; at: string };

export type PushDispatcherOptions = {
  url: string;
  secret: string;
  duplicates: () => boolean;
  retry?: { attempts?: number; baseMs?: number };
  concurrency?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
};

type Job = { msgId: number; type: string; body: string; copy: number; attempt: number };

const MAX_LOG = 10_000;
const DUPLICATE_DELAY_MAX_MS = 500;

export class PushDispatcher {
  private readonly queue: Job[] = [];
  private readonly log: PushDeliveryLog[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly requests = new Set<http.ClientRequest>();
  private inFlight = 0;
  private isClosed = false;
  private readonly attempts: number;
  private readonly baseMs: number;

  constructor(private readonly options: PushDispatcherOptions) {
    this.attempts = Math.max(1, options.retry?.attempts ?? 8);
    this.baseMs = Math.max(0, options.retry?.baseMs ?? 500);
  }

  /** Fire and forget: signs `message` (the envelope's JSON text) and queues its delivery. */
  send(message: string, meta: { msgId: number; type: string }): void {
    if (this.isClosed) return;
    const body = new URLSearchParams({ message, _aop_signature: signPush(message, this.options.secret) }).toString();
    this.enqueue({ ...meta, body, copy: 0, attempt: 1 });
    if (this.options.duplicates()) this.later(Math.random() * DUPLICATE_DELAY_MAX_MS, { ...meta, body, copy: 1, attempt: 1 });
  }

  deliveries(): PushDeliveryLog[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  pending(): number {
    return this.queue.length + this.inFlight + this.timers.size;
  }

  close(): void {
    this.isClosed = true;
    this.queue.length = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const request of this.requests) request.destroy();
  }

  private enqueue(job: Job): void {
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
      void this.post(job.body).then(({ status, error }) => {
        this.inFlight--;
        if (this.isClosed) return;
        this.record({ msgId: job.msgId, type: job.type, copy: job.copy, attempt: job.attempt, status, error, at: new Date().toISOString() });
        const isDelivered = status !== null && status >= 200 && status < 300;
        if (!isDelivered && job.attempt < this.attempts) {
          // Jitter keeps the retries of many messages from arriving in lockstep.
          this.later(this.baseMs * 2 ** (job.attempt - 1) * (0.5 + Math.random() / 2), { ...job, attempt: job.attempt + 1 });
        } else if (!isDelivered) {
          this.options.log?.(`gave up on push ${job.msgId} (${job.type}) after ${job.attempt} attempts: ${error ?? `HTTP ${status}`}`);
        }
        this.pump();
      });
    }
  }

  private post(body: string): Promise<{ status: number | null; error: string | null }> {
    return new Promise((resolve) => {
      const url = new URL(this.options.url);
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method: 'POST',
        // No pooled sockets: nothing keeps a closed sandbox's process alive.
        agent: false,
        timeout: this.options.timeoutMs ?? 10_000,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Content-Length': Buffer.byteLength(body) },
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
      request.end(body);
    });
  }

  private record(entry: PushDeliveryLog): void {
    this.log.push(entry);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }
}
