import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from './http-io';
import { carrierByKey, detectCarrier } from './journey';
import type { Carrier } from './places';
import type { RateLimiter } from './rate-limiter';
import type { ApiStats } from './stats';
import { trackInfo } from './track-info';
import type { Tracking, TrackingBook } from './trackings';

/**
 * 17TRACK's tracking API v2.2 (and v2.4, same paths): `POST /track/v2.x/{operation}`, header
 * `17token`, a JSON array of at most 40 items. Per-item failures come back in `data.rejected`
 * with 17TRACK's error codes; failures of the whole call as `{code, data:{errors:[…]}}`.
 */
export type ApiDeps = {
  key: string;
  book: TrackingBook;
  limiter: RateLimiter;
  stats: ApiStats;
  quota: { total: number; used: number };
  now?: () => number;
};

export const MAX_ITEMS = 40;
export const operations = ['register', 'gettrackinfo', 'stoptrack', 'retrack', 'getquota'] as const;
export type Operation = (typeof operations)[number];

export const codes = {
  tokenInvalid: -18010002,
  required: -18010010,
  invalidValue: -18010011,
  invalidFormat: -18010012,
  invalidData: -18010013,
  tooMany: -18010014,
  alreadyRegistered: -18019901,
  notRegistered: -18019902,
  carrierNotDetected: -18019903,
  retrackOnlyStopped: -18019904,
  retrackOnce: -18019905,
  stopOnlyTracked: -18019906,
  quotaNotEnough: -18019908,
} as const;

type Rejected = { number: string; error: { code: number; message: string } };
type Item = Record<string, unknown>;

const NUMBER_PATTERN = /^[A-Za-z0-9-]{5,50}$/;

export async function handleTrackApi(req: http.IncomingMessage, res: http.ServerResponse, operation: Operation, deps: ApiDeps): Promise<void> {
  deps.stats.call(operation);
  if (!isKeyValid(req.headers['17token'], deps.key)) {
    req.resume();
    deps.stats.unauthorized++;
    return sendJson(res, 401, envelopeError(codes.tokenInvalid, 'Access token is invalid.'));
  }
  if (!deps.limiter.tryTake()) {
    req.resume();
    deps.stats.rateLimited++;
    return sendJson(res, 429, envelopeError(429, 'Access frequency exceeds limit.'), { 'Retry-After': '1' });
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    deps.stats.badRequests++;
    return sendJson(res, 413, envelopeError(codes.invalidData, 'Submitted data is invalid.'));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    deps.stats.badRequests++;
    return sendJson(res, 200, envelopeError(codes.invalidData, 'Submitted data is invalid.'));
  }
  if (operation === 'getquota') {
    const { total, used } = deps.quota;
    return sendJson(res, 200, { code: 0, data: { quota_total: total, quota_used: used, quota_remain: Math.max(0, total - used), today_used: used, max_track_daily: total } });
  }
  if (!Array.isArray(body) || body.length === 0) {
    deps.stats.badRequests++;
    return sendJson(res, 200, envelopeError(codes.invalidData, 'Submitted data is invalid.'));
  }
  if (body.length > MAX_ITEMS) {
    deps.stats.badRequests++;
    return sendJson(res, 200, envelopeError(codes.tooMany, `Tracking numbers exceed ${MAX_ITEMS} limit.`));
  }

  const accepted: Record<string, unknown>[] = [];
  const rejected: Rejected[] = [];
  const now = (deps.now ?? Date.now)();
  for (const raw of body as unknown[]) {
    const item: Item = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Item) : {};
    const problem = itemProblem(item, operation);
    const number = typeof item.number === 'string' ? item.number : '';
    if (problem) {
      rejected.push({ number, error: problem });
      continue;
    }
    const result = apply(operation, item, number, deps, now);
    if ('error' in result) rejected.push({ number, error: result.error });
    else accepted.push(result.accepted);
  }
  deps.stats.accepted += accepted.length;
  deps.stats.rejected += rejected.length;
  sendJson(res, 200, { code: 0, data: { accepted, rejected } });
}

function apply(operation: Exclude<Operation, 'getquota'>, item: Item, number: string, deps: ApiDeps, now: number): { accepted: Record<string, unknown> } | { error: Rejected['error'] } {
  const { book } = deps;
  const carrierKey = typeof item.carrier === 'number' && item.carrier > 0 ? item.carrier : null;
  if (operation === 'register') {
    if (book.has(number)) return failure(codes.alreadyRegistered, `The tracking number '${number}' has been registered, don't need to repeat registration.`);
    if (deps.quota.used >= deps.quota.total) return failure(codes.quotaNotEnough, 'Quota is not enough for use.');
    const isGiven = carrierKey !== null && item.auto_detection !== true;
    const carrier: Carrier | null = isGiven ? carrierByKey(carrierKey) : detectCarrier(number);
    if (!carrier) return failure(codes.carrierNotDetected, 'Carrier cannot be detected.');
    const tag = typeof item.tag === 'string' ? item.tag : null;
    const param = typeof item.param === 'string' ? item.param : null;
    book.register({ number, carrier, tag, param });
    deps.quota.used++;
    return { accepted: { origin: isGiven ? 2 : 1, number, carrier: carrier.key, tag } };
  }

  const tracking = book.get(number);
  if (!tracking || (carrierKey !== null && carrierKey !== tracking.carrier.key)) return failure(codes.notRegistered, `The tracking number '${number}' does not register, please register first.`);
  if (operation === 'gettrackinfo') return { accepted: trackingJson(tracking, now) };
  if (operation === 'stoptrack') {
    if (tracking.isStopped) return failure(codes.stopOnlyTracked, 'Stop tracking is not allowed. You can only stop numbers that are being tracked.');
    book.stop(tracking);
    return { accepted: { number: tracking.number, carrier: tracking.carrier.key } };
  }
  if (!tracking.isStopped) return failure(codes.retrackOnlyStopped, 'Retrack is not allowed. You can only retrack stopped number.');
  if (tracking.hasRetracked) return failure(codes.retrackOnce, 'Retrack is not allowed. You can only retrack each number once.');
  book.retrack(tracking);
  return { accepted: { number: tracking.number, carrier: tracking.carrier.key } };
}

/** A tracking as gettrackinfo lists it and a webhook carries it (`data`). */
export function trackingJson(tracking: Tracking, now: number): Record<string, unknown> {
  return { number: tracking.number, carrier: tracking.carrier.key, param: tracking.param, tag: tracking.tag, track_info: trackInfo(tracking, now) };
}

function itemProblem(item: Item, operation: Operation): Rejected['error'] | null {
  if (item.number === undefined || item.number === null || item.number === '') return { code: codes.required, message: "The field of 'number' is required." };
  if (typeof item.number !== 'string' || !NUMBER_PATTERN.test(item.number)) return { code: codes.invalidFormat, message: "The format of 'number' is invalid." };
  if (item.carrier !== undefined && item.carrier !== null && !(Number.isInteger(item.carrier) && (item.carrier as number) >= 0)) {
    return { code: codes.invalidFormat, message: "The format of 'carrier' is invalid." };
  }
  if (operation === 'register') {
    if (item.tag !== undefined && item.tag !== null && !(typeof item.tag === 'string' && item.tag.length <= 100)) return { code: codes.invalidValue, message: "The value of 'tag' is invalid." };
    if (item.param !== undefined && item.param !== null && typeof item.param !== 'string') return { code: codes.invalidValue, message: "The value of 'param' is invalid." };
  }
  return null;
}

const failure = (code: number, message: string) => ({ error: { code, message } });

export function envelopeError(code: number, message: string): { code: number; data: { errors: { code: number; message: string }[] } } {
  return { code, data: { errors: [{ code, message }] } };
}

function isKeyValid(header: string | string[] | undefined, key: string): boolean {
  if (typeof header !== 'string' || header === '') return false;
  // Digests have one length whatever was sent, so the comparison itself takes constant time.
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(header), digest(key));
}
