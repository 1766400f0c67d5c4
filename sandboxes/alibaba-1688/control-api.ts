import type http from 'node:http';
import { WorldError, type CatalogWorld } from './catalog-world';
import { FaultError, type Faults } from './faults';
import { readBody, sendJson } from './http-io';
import { modifyOffers } from './modify-offers';
import { toSandboxView } from './order-views';
import { MAX_PACKAGES, orderActions, OrderStateError, type OrderAction, type OrderBook } from './orders';
import type { PushDispatcher } from './push-dispatcher';
import type { RateLimiter } from './rate-limiter';
import type { SandboxStats } from './stats';
import type { TokenStore } from './tokens';

/**
 * The sandbox's own API under `/__sandbox/…` (plus `/healthz`), for tests, benchmarks and demos
 * to change the world and read what happened. Never part of what 1688 offers; answers plain JSON.
 */
export type ControlDeps = {
  world: CatalogWorld; orders: OrderBook; faults: Faults; limiter: RateLimiter; configuredRate: number;
  stats: SandboxStats; tokens: TokenStore; pushes: PushDispatcher | null;
};

class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, path: string, deps: ControlDeps): Promise<void> {
  const method = req.method ?? 'GET';
  const body = async (): Promise<Record<string, unknown>> => {
    const text = method === 'POST' ? await readBody(req) : '';
    if (text.trim() === '') return {};
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // answered below
    }
    throw new ControlError(400, 'body must be a JSON object');
  };
  const offerIndex = (offerId: string) => {
    const index = deps.world.indexOf(offerId);
    if (index === null) throw new ControlError(404, `no offer ${offerId} in this catalog`);
    return index;
  };

  try {
    if (path === '/healthz') return sendJson(res, 200, { ok: true, offers: deps.world.size, seed: deps.world.seed });
    if (path === '/__sandbox/stats' && method === 'GET') return sendJson(res, 200, { ...deps.stats.toJSON(), pushesPending: deps.pushes?.pending() ?? 0 });
    if (path === '/__sandbox/stats' && method === 'DELETE') return (deps.stats.reset(), sendJson(res, 200, deps.stats));

    if (path === '/__sandbox/faults') {
      if (method === 'POST') {
        const settings = deps.faults.update(await body());
        deps.limiter.setRate(settings.rate ?? deps.configuredRate);
      } else if (method === 'DELETE') {
        deps.faults.reset();
        deps.limiter.setRate(deps.configuredRate);
      }
      return sendJson(res, 200, { ...deps.faults.settings, rate: deps.limiter.rate });
    }

    const offer = /^\/__sandbox\/offers\/(\d+)(?:\/(off-sale|on-sale)|\/skus\/(\d+))?$/.exec(path);
    if (offer) {
      const index = offerIndex(offer[1] as string);
      if (method === 'POST' && offer[2]) deps.world.setOnSale(index, offer[2] === 'on-sale');
      else if (method === 'POST' && offer[3]) {
        const input = await body();
        const change = { skuId: offer[3], ...(input.stock !== undefined ? { stock: input.stock as number } : {}), ...(input.priceFen !== undefined ? { priceFen: input.priceFen as number } : {}) };
        deps.world.changeSkus(index, [change]);
      } else if (method !== 'GET' || offer[2] || offer[3]) throw new ControlError(405, 'method not allowed');
      const live = deps.world.live(index);
      return sendJson(res, 200, { ...live.offer, isOnSale: live.isOnSale });
    }

    if (path === '/__sandbox/modify' && method === 'POST') {
      const input = await body();
      const result = modifyOffers(deps.world, input.fraction as number, typeof input.seed === 'string' ? input.seed : undefined);
      return sendJson(res, 200, { modified: result.offerIds.length, modifiedAt: new Date(result.at).toISOString(), offerIds: result.offerIds });
    }

    if (path === '/__sandbox/orders' && method === 'GET') {
      const orders = deps.orders.all().map(toSandboxView);
      return sendJson(res, 200, { total: orders.length, orders });
    }
    const retrack = /^\/__sandbox\/orders\/(\d+)\/tracking$/.exec(path);
    if (retrack) {
      if (method !== 'POST') throw new ControlError(405, 'method not allowed');
      const input = await body();
      if (input.index !== undefined && !(Number.isInteger(input.index) && (input.index as number) >= 0)) throw new ControlError(400, 'index must be a whole number from 0');
      if (input.billNo !== undefined && !(typeof input.billNo === 'string' && /^[A-Za-z0-9]{4,40}$/.test(input.billNo))) throw new ControlError(400, 'billNo must be 4–40 letters or digits');
      if (!deps.orders.get(retrack[1] as string)) throw new ControlError(404, `no order ${retrack[1]}`);
      return sendJson(res, 200, toSandboxView(deps.orders.changeTracking(retrack[1] as string, { index: input.index as number | undefined, billNo: input.billNo as string | undefined })));
    }
    const order = /^\/__sandbox\/orders\/(\d+)(?:\/([a-z]+))?$/.exec(path);
    if (order) {
      const found = deps.orders.get(order[1] as string);
      if (!found) throw new ControlError(404, `no order ${order[1]}`);
      const action = order[2];
      if (action !== undefined && method !== 'POST') throw new ControlError(405, 'method not allowed');
      if (action !== undefined && !orderActions.includes(action as OrderAction)) throw new ControlError(404, `unknown order action ${action}`);
      if (!action) return sendJson(res, 200, toSandboxView(found));
      const input = action === 'ship' ? await body() : {};
      const packages = input.packages;
      if (packages !== undefined && !(Number.isInteger(packages) && (packages as number) >= 1 && (packages as number) <= MAX_PACKAGES)) {
        throw new ControlError(400, `packages must be a whole number from 1 to ${MAX_PACKAGES}`);
      }
      return sendJson(res, 200, toSandboxView(deps.orders.advance(found.id, action as OrderAction, { packages: packages as number | undefined })));
    }

    if (path === '/__sandbox/tokens/expire' && method === 'POST') return sendJson(res, 200, { expired: deps.tokens.expireAll() });
    if (path === '/__sandbox/pushes' && method === 'GET') return sendJson(res, 200, { deliveries: deps.pushes?.deliveries() ?? [] });
    throw new ControlError(404, `no control route ${method} ${path}`);
  } catch (error) {
    if (error instanceof ControlError) return sendJson(res, error.status, { error: error.message });
    if (error instanceof FaultError || error instanceof WorldError) return sendJson(res, 400, { error: error.message });
    if (error instanceof OrderStateError) return sendJson(res, 409, { error: error.message });
    throw error;
  }
}
