import 'server-only';
import { z } from 'zod';
import { retry } from '@/lib/resilience/retry';
import { reshapeTracking, TRACKING_NUMBER_PATTERN, trackingDataSchema } from './track-info';
import type { TrackingSnapshot } from './types';

/**
 * Ferry's 17TRACK client: `POST {baseUrl}/track/v2.2/{register|gettrackinfo|stoptrack}` with the
 * `17token` header, at most 40 numbers a call (longer lists go in batches, one after another, as
 * the ~3 calls/s limit asks). Rate limits, 5xx answers, timeouts and dropped connections are
 * retried with backoff; every other failure comes back as a TrackingServiceError. Numbers
 * 17TRACK already knows (register) or already stopped (stoptrack) count as done.
 */
export type TrackingClientConfig = {
  /** `https://api.17track.net` for real, the sandbox locally; without the `/track/v2.2` path. */
  baseUrl: string;
  key: string;
  timeoutMs?: number;
  /** Tries per call, the first included. */
  attempts?: number;
  retryBaseMs?: number;
};

export type TrackingErrorCode = 'unauthorized' | 'rate_limited' | 'quota_exceeded' | 'unavailable' | 'invalid';

export class TrackingServiceError extends Error {
  constructor(
    readonly code: TrackingErrorCode,
    message: string,
    /** 17TRACK's own error code (e.g. -18010002), for logs and staff. */
    readonly vendorCode: number | null = null,
  ) {
    super(message);
    this.name = 'TrackingServiceError';
  }

  get isTransient(): boolean {
    return this.code === 'rate_limited' || this.code === 'unavailable';
  }
}

export type RegisterItem = { number: string; carrier?: number; tag?: string; param?: string; lang?: string };
export type NumberItem = { number: string; carrier?: number };
export type Rejection = { number: string; code: number; message: string };

export const MAX_NUMBERS_PER_CALL = 40;
export const ALREADY_REGISTERED = -18019901;
const NOT_BEING_TRACKED = -18019906;

const rejectedSchema = z.object({ number: z.string().catch(''), error: z.object({ code: z.number(), message: z.string().catch('') }) });
const answerSchema = z.object({
  code: z.number(),
  data: z
    .object({
      accepted: z.array(z.unknown()).nullish(),
      rejected: z.array(rejectedSchema).nullish(),
      errors: z.array(z.object({ code: z.number(), message: z.string().catch('') })).nullish(),
    })
    .nullish(),
});
const numberCarrierSchema = z.object({ number: z.string(), carrier: z.number().nullish() });

const unauthorizedCodes = new Set([-18010001, -18010002, -18010004, -18010005]);
const quotaCodes = new Set([-18019907, -18019908]);

export class TrackingClient {
  constructor(private readonly config: TrackingClientConfig) {}

  /** Registers numbers for tracking; those 17TRACK already tracks come back with `isNew: false`. */
  async register(items: readonly RegisterItem[]): Promise<{ registered: { number: string; carrier: number | null; isNew: boolean }[]; rejected: Rejection[] }> {
    const registered: { number: string; carrier: number | null; isNew: boolean }[] = [];
    const rejected: Rejection[] = [];
    for (const batch of batches(items.map(registerBody))) {
      const answer = await this.call('register', batch);
      for (const item of answer.accepted) {
        const parsed = numberCarrierSchema.safeParse(item);
        if (parsed.success) registered.push({ number: parsed.data.number, carrier: parsed.data.carrier ?? null, isNew: true });
      }
      for (const item of answer.rejected) {
        if (item.code === ALREADY_REGISTERED) registered.push({ number: item.number, carrier: null, isNew: false });
        else rejected.push(item);
      }
    }
    return { registered, rejected };
  }

  /** The numbers' current tracking; unknown numbers come back rejected (-18019902). */
  async getTrackInfo(items: readonly NumberItem[]): Promise<{ found: TrackingSnapshot[]; rejected: Rejection[] }> {
    const found: TrackingSnapshot[] = [];
    const rejected: Rejection[] = [];
    for (const batch of batches(items.map(numberBody))) {
      const answer = await this.call('gettrackinfo', batch);
      for (const item of answer.accepted) {
        const parsed = trackingDataSchema.safeParse(item);
        if (parsed.success) found.push(reshapeTracking(parsed.data));
        else rejected.push({ number: String((item as { number?: unknown })?.number ?? ''), code: 0, message: 'unreadable tracking in the answer' });
      }
      rejected.push(...answer.rejected);
    }
    return { found, rejected };
  }

  /** Stops tracking (no more webhooks); numbers already stopped count as stopped. */
  async stopTrack(items: readonly NumberItem[]): Promise<{ stopped: string[]; rejected: Rejection[] }> {
    const stopped: string[] = [];
    const rejected: Rejection[] = [];
    for (const batch of batches(items.map(numberBody))) {
      const answer = await this.call('stoptrack', batch);
      for (const item of answer.accepted) {
        const parsed = numberCarrierSchema.safeParse(item);
        if (parsed.success) stopped.push(parsed.data.number);
      }
      for (const item of answer.rejected) {
        if (item.code === NOT_BEING_TRACKED) stopped.push(item.number);
        else rejected.push(item);
      }
    }
    return { stopped, rejected };
  }

  private call(operation: string, body: readonly Record<string, unknown>[]): Promise<{ accepted: unknown[]; rejected: Rejection[] }> {
    return retry(() => this.send(operation, body), {
      attempts: this.config.attempts ?? 3,
      baseDelayMs: this.config.retryBaseMs ?? 1_000,
      maxDelayMs: 10_000,
      isRetryable: (error) => error instanceof TrackingServiceError && error.isTransient,
    });
  }

  private async send(operation: string, body: readonly Record<string, unknown>[]): Promise<{ accepted: unknown[]; rejected: Rejection[] }> {
    const timeoutMs = this.config.timeoutMs ?? 8_000;
    const url = `${this.config.baseUrl.replace(/\/+$/, '')}/track/v2.2/${operation}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { '17token': this.config.key, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const isTimeout = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new TrackingServiceError('unavailable', `17TRACK ${operation}: ${isTimeout ? `timed out after ${timeoutMs} ms` : describeNetworkError(error)}`);
    }
    if (response.status === 401 || response.status === 403) throw new TrackingServiceError('unauthorized', `17TRACK ${operation}: the key was refused (HTTP ${response.status})`, vendorCodeOf(text));
    if (response.status === 429) throw new TrackingServiceError('rate_limited', `17TRACK ${operation}: too many calls (HTTP 429)`);
    if (response.status >= 500) throw new TrackingServiceError('unavailable', `17TRACK ${operation}: HTTP ${response.status}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new TrackingServiceError('invalid', `17TRACK ${operation}: the answer is not JSON (HTTP ${response.status})`);
    }
    const answer = answerSchema.safeParse(json);
    if (!answer.success) throw new TrackingServiceError('invalid', `17TRACK ${operation}: unexpected answer (HTTP ${response.status})`);
    const { code, data } = answer.data;
    const error = data?.errors?.[0];
    if (code !== 0 || error) throw envelopeError(operation, error?.code ?? code, error?.message ?? '');
    if (!response.ok) throw new TrackingServiceError('invalid', `17TRACK ${operation}: HTTP ${response.status}`);
    return {
      accepted: data?.accepted ?? [],
      rejected: (data?.rejected ?? []).map((r) => ({ number: r.number, code: r.error.code, message: r.error.message })),
    };
  }
}

function registerBody(item: RegisterItem): Record<string, unknown> {
  assertNumber(item.number);
  if (item.tag !== undefined && item.tag.length > 100) throw new TrackingServiceError('invalid', 'a tag is at most 100 characters');
  const body: Record<string, unknown> = { number: item.number };
  if (item.carrier !== undefined) body.carrier = item.carrier;
  if (item.tag !== undefined) body.tag = item.tag;
  if (item.param !== undefined) body.param = item.param;
  if (item.lang !== undefined) body.lang = item.lang;
  return body;
}

function numberBody(item: NumberItem): Record<string, unknown> {
  assertNumber(item.number);
  return item.carrier === undefined ? { number: item.number } : { number: item.number, carrier: item.carrier };
}

function assertNumber(number: string): void {
  if (!TRACKING_NUMBER_PATTERN.test(number)) throw new TrackingServiceError('invalid', `not a tracking number: ${JSON.stringify(number.slice(0, 60))}`);
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_NUMBERS_PER_CALL) out.push(items.slice(i, i + MAX_NUMBERS_PER_CALL));
  return out;
}

function envelopeError(operation: string, vendorCode: number, message: string): TrackingServiceError {
  const detail = `17TRACK ${operation}: ${message || 'error'} (${vendorCode})`;
  if (unauthorizedCodes.has(vendorCode)) return new TrackingServiceError('unauthorized', detail, vendorCode);
  if (quotaCodes.has(vendorCode)) return new TrackingServiceError('quota_exceeded', detail, vendorCode);
  if (vendorCode === -18010003) return new TrackingServiceError('unavailable', detail, vendorCode);
  return new TrackingServiceError('invalid', detail, vendorCode);
}

function vendorCodeOf(text: string): number | null {
  try {
    const code = (JSON.parse(text) as { code?: unknown }).code;
    return typeof code === 'number' ? code : null;
  } catch {
    return null;
  }
}

function describeNetworkError(error: unknown): string {
  // undici wraps the socket error (ECONNREFUSED, ECONNRESET …) in `cause`.
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
