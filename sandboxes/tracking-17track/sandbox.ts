import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleTrackApi, operations, trackingJson, type Operation } from './api';
import { handleControl, type Settings } from './control-api';
import { sendJson } from './http-io';
import { RateLimiter } from './rate-limiter';
import { SimClock } from './sim-clock';
import { ApiStats } from './stats';
import { TrackingBook } from './trackings';
import { WebhookDispatcher } from './webhook-dispatcher';

/**
 * A local 17TRACK: the tracking API v2.2/v2.4 (`/track/v2.x/register|gettrackinfo|stoptrack|
 * retrack|getquota`), a carrier journey per registered number played on a clock that can run
 * faster than real time, signed webhooks that arrive duplicated and out of order, and a control
 * API (`/_control/…`). Ferry's real 17TRACK connector runs against it unchanged.
 */
export type TrackingSandboxOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The account's API key: `17token` on calls, and the key webhook signs are made with. */
  key: string;
  /** Where webhooks go; none when null. */
  webhookUrl: string | null;
  /** Simulated time per real time: 1 = real time, 3600 = an hour a second, 0 = only the control API moves parcels. */
  speed?: number;
  duplicateRate?: number;
  reorderRate?: number;
  /** Longest a held-back webhook waits for the number's next one. */
  holdMs?: number;
  /** API calls a second before HTTP 429; 0 = unlimited. */
  rate?: number;
  /** Registrations the account may make. */
  quota?: number;
  tickMs?: number;
  webhookRetry?: { attempts?: number; baseMs?: number };
  /** Operational lines only (never keys or payloads). Silent by default. */
  log?: (line: string) => void;
};

export type TrackingSandbox = {
  url: string;
  book: TrackingBook;
  clock: SimClock;
  webhooks: WebhookDispatcher | null;
  close(): Promise<void>;
};

const API_PATH = /^\/track\/v2\.[24]\/([a-z]+)$/;

export async function startTrackingSandbox(options: TrackingSandboxOptions): Promise<TrackingSandbox> {
  const log = options.log ?? (() => {});
  const initial: Settings & { speed: number; rate: number } = {
    speed: options.speed ?? 1,
    rate: options.rate ?? 0,
    duplicateRate: options.duplicateRate ?? 0.2,
    reorderRate: options.reorderRate ?? 0.2,
    holdMs: options.holdMs ?? 5_000,
  };
  for (const name of ['duplicateRate', 'reorderRate'] as const) {
    if (!(initial[name] >= 0 && initial[name] <= 1)) throw new RangeError(`${name} must be from 0 to 1 (got ${initial[name]})`);
  }
  const clock = new SimClock(initial.speed);
  const book = new TrackingBook(clock);
  const limiter = new RateLimiter(initial.rate);
  const stats = new ApiStats();
  const settings: Settings = { duplicateRate: initial.duplicateRate, reorderRate: initial.reorderRate, holdMs: initial.holdMs };
  const quota = { total: options.quota ?? 100_000, used: 0 };
  const webhooks = options.webhookUrl
    ? new WebhookDispatcher({
        url: options.webhookUrl,
        key: options.key,
        duplicateRate: () => settings.duplicateRate,
        reorderRate: () => settings.reorderRate,
        holdMaxMs: () => settings.holdMs,
        retry: options.webhookRetry,
        log,
      })
    : null;
  book.onChange((tracking, event) => webhooks?.send(tracking.number, event, { event, data: trackingJson(tracking, Date.now()) }));

  const ticker = setInterval(() => {
    try {
      book.tick();
    } catch (error) {
      log(`tick failed: ${(error as Error).message}`);
    }
  }, options.tickMs ?? 250);

  const control = {
    book, clock, limiter, stats, webhooks, settings,
    reset() {
      book.reset();
      stats.reset();
      webhooks?.clear();
      webhooks?.resetStats();
      quota.used = 0;
      clock.setSpeed(initial.speed);
      limiter.setRate(initial.rate);
      Object.assign(settings, { duplicateRate: initial.duplicateRate, reorderRate: initial.reorderRate, holdMs: initial.holdMs });
    },
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] as string;
    const api = API_PATH.exec(path);
    if (api && operations.includes(api[1] as Operation)) {
      if (req.method !== 'POST') {
        req.resume();
        return sendJson(res, 405, { code: 405, data: { errors: [{ code: 405, message: 'Method not allowed.' }] } }, { Allow: 'POST' });
      }
      return handleTrackApi(req, res, api[1] as Operation, { key: options.key, book, limiter, stats, quota });
    }
    if (path === '/healthz' || path.startsWith('/_control/')) return handleControl(req, res, path, control);
    req.resume();
    sendJson(res, 404, { code: 404, data: { errors: [{ code: 404, message: 'The requested URL address is incorrect.' }] } });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`internal error: ${(error as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, { code: -18010003, data: { errors: [{ code: -18010003, message: 'Internal service error, please retry later.' }] } });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(ticker);
    webhooks?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    book,
    clock,
    webhooks,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(ticker);
        webhooks?.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
      return closing;
    },
  };
}
