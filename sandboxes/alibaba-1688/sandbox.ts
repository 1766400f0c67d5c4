import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CatalogIndex } from './catalog-index';
import { CatalogWorld } from './catalog-world';
import { handleControl } from './control-api';
import { Faults } from './faults';
import { handleApiCall, handleGetToken, type GatewayDeps } from './gateway';
import { sendJson } from './http-io';
import { createImageRoute } from './image-route';
import { OrderBook } from './orders';
import { productApis } from './product-apis';
import { PushDispatcher } from './push-dispatcher';
import { PushPublisher } from './push-messages';
import { RateLimiter } from './rate-limiter';
import { Stalls } from './stalls';
import { SandboxStats } from './stats';
import { sandboxBuyer, TokenStore } from './tokens';
import { tradeApis } from './trade-apis';

/**
 * A local 1688 open platform: the gateway (`/openapi/param2/1/{namespace}/{api}/{appKey}`,
 * signed calls, OAuth refresh, rate limits), the product and trade APIs over the deterministic
 * demo catalog, signed message pushes, the demo CDN (`/img/ibank/…`) and a control API
 * (`/__sandbox/…`). Ferry's real 1688 connector runs against it unchanged.
 */
export type Alibaba1688SandboxOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  appKey: string;
  appSecret: string;
  refreshToken: string;
  offers: number;
  seed: string;
  /** Calls per second per app. */
  rate: number;
  tokenTtlSeconds: number;
  /** Where to POST message pushes; none when null. */
  pushUrl: string | null;
  pushRetry?: { attempts?: number; baseMs?: number };
  /** Operational lines only (never secrets or payloads). Silent by default. */
  log?: (line: string) => void;
  /**
   * Sellers ship every paid order this many seconds after payment, in one parcel (the demo: a
   * bought order reaches the warehouse's inbound list on its own). 0 or unset: only the control API ships.
   */
  autoShipSeconds?: number;
};

export type Alibaba1688Sandbox = { url: string; world: CatalogWorld; index: CatalogIndex; close(): Promise<void> };

export const MAX_SANDBOX_OFFERS = 100_000;

export async function startAlibaba1688Sandbox(options: Alibaba1688SandboxOptions): Promise<Alibaba1688Sandbox> {
  if (!Number.isInteger(options.offers) || options.offers < 1 || options.offers > MAX_SANDBOX_OFFERS) {
    throw new RangeError(`offers must be an integer in [1, ${MAX_SANDBOX_OFFERS}] (got ${options.offers})`);
  }
  const log = options.log ?? (() => {});
  const world = new CatalogWorld(options.seed, options.offers);
  const index = new CatalogIndex(world);
  const orders = new OrderBook(world);
  const faults = new Faults();
  const limiter = new RateLimiter(options.rate);
  const stats = new SandboxStats();
  const stalls = new Stalls();
  const tokens = new TokenStore({ refreshToken: options.refreshToken, ttlSeconds: options.tokenTtlSeconds });
  const pushes = options.pushUrl
    ? new PushDispatcher({ url: options.pushUrl, secret: options.appSecret, duplicates: () => faults.settings.duplicatePushes, retry: options.pushRetry, log })
    : null;
  if (pushes) {
    const publisher = new PushPublisher(pushes, sandboxBuyer.memberId);
    world.onChange((event) => publisher.world(event));
    orders.onEvent((order, type) => publisher.order(order, type));
    orders.onTrackingChange((order, parcel, oldBillNo) => publisher.trackingChange(order, parcel, oldBillNo));
  }

  const shipTimers = new Set<NodeJS.Timeout>();
  if (options.autoShipSeconds && options.autoShipSeconds > 0) {
    const delayMs = options.autoShipSeconds * 1000;
    orders.onEvent((order, type) => {
      if (type !== 'ORDER_BUYER_VIEW_ORDER_PAY') return;
      const timer = setTimeout(() => {
        shipTimers.delete(timer);
        // Cancelled or shipped by hand meanwhile: nothing to do.
        if (orders.get(order.id)?.status !== 'waitsellersend') return;
        orders.advance(order.id, 'ship', { packages: 1 });
        log(`auto-shipped order ${order.id}`);
      }, delayMs);
      timer.unref();
      shipTimers.add(timer);
    });
  }

  const deps: GatewayDeps = {
    appKey: options.appKey, appSecret: options.appSecret, tokens, limiter, faults, stats, stalls,
    apis: { ...productApis(world, index), ...tradeApis(world, orders) },
  };
  const serveImage = createImageRoute(deps);
  const control = { world, orders, faults, limiter, configuredRate: options.rate, stats, tokens, pushes };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawPath = (req.url ?? '/').split('?')[0] as string;
    let path = rawPath;
    try {
      path = decodeURI(rawPath);
    } catch {
      // a malformed escape is matched as written, and found by no route
    }
    const api = /^\/openapi\/param2\/1\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
    if (api && (req.method === 'POST' || req.method === 'GET')) return handleApiCall(req, res, { namespace: api[1] as string, apiName: api[2] as string, appKey: api[3] as string }, deps);
    const token = /^\/openapi\/http\/1\/system\.oauth2\/getToken\/([^/]+)$/.exec(path);
    if (token && req.method === 'POST') return handleGetToken(req, res, token[1] as string, deps);
    const image = /^\/img\/ibank\/(.+)$/.exec(path);
    if (image && (req.method === 'GET' || req.method === 'HEAD')) return serveImage(req, res, image[1] as string);
    if (path === '/healthz' || path.startsWith('/__sandbox/')) return handleControl(req, res, path, control);
    req.resume();
    sendJson(res, 404, { error: 'not found' });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`internal error: ${(error as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, { error_code: 'gw.InternalError', error_message: 'internal error', exception: 'internal error' });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    world,
    index,
    close() {
      closing ??= new Promise<void>((resolve) => {
        pushes?.close();
        stalls.close();
        for (const timer of shipTimers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
      return closing;
    },
  };
}
