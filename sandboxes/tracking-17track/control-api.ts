import type http from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from './http-io';
import { statusOf, trackingStatuses, type BreakKind, type TrackingStatus } from './journey';
import type { RateLimiter } from './rate-limiter';
import { MAX_SPEED, type SimClock } from './sim-clock';
import type { ApiStats } from './stats';
import { latestStatus, TrackingError, type Tracking, type TrackingBook } from './trackings';
import type { WebhookDispatcher } from './webhook-dispatcher';

/**
 * The sandbox's own API under `/_control/…` (plus `/healthz`), for tests and the demo to move
 * parcels, break journeys, tune the clock and the webhook faults, and read what happened. Never
 * part of what 17TRACK offers; plain JSON, no key.
 */
export type Settings = { duplicateRate: number; reorderRate: number; holdMs: number };

export type ControlDeps = {
  book: TrackingBook;
  clock: SimClock;
  limiter: RateLimiter;
  stats: ApiStats;
  webhooks: WebhookDispatcher | null;
  settings: Settings;
  /** Back to the start-up settings, with every tracking and count forgotten. */
  reset(): void;
};

const breakKinds: readonly BreakKind[] = ['exception', 'failed_delivery', 'lost', 'expired'];
const MAX_ADVANCE = 100;

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, path: string, deps: ControlDeps): Promise<void> {
  const method = req.method ?? 'GET';
  try {
    const body = async (): Promise<Record<string, unknown>> => {
      const text = method === 'POST' ? await readBody(req, 64 * 1024) : (req.resume(), '');
      if (text.trim() === '') return {};
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new ControlError(400, 'body must be a JSON object');
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ControlError(400, 'body must be a JSON object');
      return value as Record<string, unknown>;
    };

    if (path === '/healthz') return sendJson(res, 200, { ok: true, trackings: deps.book.size, speed: deps.clock.speed });
    if (path === '/_control/stats') {
      if (method === 'DELETE') {
        deps.stats.reset();
        deps.webhooks?.resetStats();
      } else if (method !== 'GET') throw new ControlError(405, 'method not allowed');
      return sendJson(res, 200, statsJson(deps));
    }
    if (path === '/_control/settings') {
      if (method === 'POST') applySettings(await body(), deps);
      else if (method !== 'GET') throw new ControlError(405, 'method not allowed');
      return sendJson(res, 200, settingsJson(deps));
    }
    if (path === '/_control/reset') {
      if (method !== 'POST') throw new ControlError(405, 'method not allowed');
      deps.reset();
      return sendJson(res, 200, { ok: true, ...settingsJson(deps) });
    }
    if (path === '/_control/webhooks' && method === 'GET') return sendJson(res, 200, { deliveries: deps.webhooks?.deliveries() ?? [] });
    if (path === '/_control/trackings' && method === 'GET') return sendJson(res, 200, { total: deps.book.size, trackings: deps.book.all().map(summary) });

    const match = /^\/_control\/trackings\/([^/]+)(?:\/(advance|break))?$/.exec(path);
    if (match) {
      let number: string;
      try {
        number = decodeURIComponent(match[1] as string);
      } catch {
        throw new ControlError(400, 'the tracking number in the path is not valid URL encoding');
      }
      const tracking = deps.book.get(number);
      if (!tracking) throw new ControlError(404, `no tracking ${match[1]} is registered`);
      const action = match[2];
      if (!action) {
        if (method !== 'GET') throw new ControlError(405, 'method not allowed');
        return sendJson(res, 200, detail(tracking));
      }
      if (method !== 'POST') throw new ControlError(405, 'method not allowed');
      const input = await body();
      if (action === 'advance') {
        const played = deps.book.advance(tracking, advanceTarget(input));
        return sendJson(res, 200, { played, ...summary(tracking) });
      }
      if (!breakKinds.includes(input.kind as BreakKind)) throw new ControlError(400, `kind must be one of ${breakKinds.join(', ')}`);
      if (input.subStatus !== undefined && typeof input.subStatus !== 'string') throw new ControlError(400, 'subStatus must be a string');
      deps.book.break(tracking, input.kind as BreakKind, input.subStatus as string | undefined);
      return sendJson(res, 200, summary(tracking));
    }
    req.resume();
    return sendJson(res, 404, { error: 'not found' });
  } catch (error) {
    if (error instanceof ControlError || error instanceof TrackingError) return sendJson(res, error.status, { error: error.message });
    if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
    throw error;
  }
}

function advanceTarget(input: Record<string, unknown>): { steps: number } | { to: TrackingStatus } {
  if (input.to !== undefined && input.steps !== undefined) throw new ControlError(400, 'give steps or to, not both');
  if (input.to !== undefined) {
    if (!trackingStatuses.includes(input.to as TrackingStatus)) throw new ControlError(400, `to must be one of ${trackingStatuses.join(', ')}`);
    return { to: input.to as TrackingStatus };
  }
  const steps = input.steps ?? 1;
  if (!(Number.isInteger(steps) && (steps as number) >= 1 && (steps as number) <= MAX_ADVANCE)) throw new ControlError(400, `steps must be a whole number from 1 to ${MAX_ADVANCE}`);
  return { steps: steps as number };
}

function applySettings(input: Record<string, unknown>, deps: ControlDeps): void {
  const rate = (name: string) => {
    const value = input[name];
    if (value !== undefined && !(typeof value === 'number' && value >= 0 && value <= 1)) throw new ControlError(400, `${name} must be a number from 0 to 1`);
    return value as number | undefined;
  };
  const known = new Set(['speed', 'duplicateRate', 'reorderRate', 'holdMs', 'rate']);
  const unknown = Object.keys(input).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new ControlError(400, `unknown settings: ${unknown.join(', ')}`);
  const { speed, holdMs, rate: callRate } = input;
  if (speed !== undefined && !(typeof speed === 'number' && speed >= 0 && speed <= MAX_SPEED)) throw new ControlError(400, `speed must be a number from 0 to ${MAX_SPEED}`);
  if (holdMs !== undefined && !(Number.isInteger(holdMs) && (holdMs as number) >= 0 && (holdMs as number) <= 600_000)) throw new ControlError(400, 'holdMs must be a whole number of milliseconds up to 600000');
  if (callRate !== undefined && !(typeof callRate === 'number' && callRate >= 0 && callRate <= 10_000)) throw new ControlError(400, 'rate must be a number of calls per second from 0 (unlimited) to 10000');
  const duplicateRate = rate('duplicateRate');
  const reorderRate = rate('reorderRate');
  // Everything was checked first: a bad field changes nothing.
  if (speed !== undefined) deps.clock.setSpeed(speed as number);
  if (callRate !== undefined) deps.limiter.setRate(callRate as number);
  if (holdMs !== undefined) deps.settings.holdMs = holdMs as number;
  if (duplicateRate !== undefined) deps.settings.duplicateRate = duplicateRate;
  if (reorderRate !== undefined) deps.settings.reorderRate = reorderRate;
}

function settingsJson(deps: ControlDeps): Record<string, unknown> {
  return { speed: deps.clock.speed, rate: deps.limiter.rate, ...deps.settings, webhooks: deps.webhooks !== null };
}

function statsJson(deps: ControlDeps): Record<string, unknown> {
  const byStatus: Record<string, number> = {};
  let stopped = 0;
  for (const tracking of deps.book.all()) {
    const status = latestStatus(tracking);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (tracking.isStopped) stopped++;
  }
  return { api: deps.stats.toJSON(), webhooks: deps.webhooks?.stats() ?? null, trackings: { total: deps.book.size, stopped, byStatus } };
}

function summary(tracking: Tracking): Record<string, unknown> {
  const last = tracking.played.at(-1);
  return {
    number: tracking.number,
    carrier: tracking.carrier.key,
    tag: tracking.tag,
    destination: tracking.journey.destination.country,
    mishap: tracking.journey.mishap,
    status: latestStatus(tracking),
    subStatus: tracking.isExpired ? 'Expired_Other' : (last?.step.subStatus ?? 'NotFound_Other'),
    stepsPlayed: tracking.played.length,
    stepsLeft: tracking.pending.length,
    isStopped: tracking.isStopped,
  };
}

function detail(tracking: Tracking): Record<string, unknown> {
  const step = (s: Tracking['pending'][number]) => ({ status: statusOf(s.subStatus), subStatus: s.subStatus, stage: s.stage, description: s.description, location: [s.place.city, s.place.country].join(', '), afterHours: s.afterHours });
  return {
    ...summary(tracking),
    played: tracking.played.map((e) => ({ ...step(e.step), at: new Date(e.at).toISOString() })),
    pending: tracking.pending.map(step),
  };
}
