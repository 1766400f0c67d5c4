import type http from 'node:http';
import type { FaultScope, Faults } from './faults';
import { GatewayError, gatewayErrors } from './gateway-error';
import { readParams, sendJson } from './http-io';
import type { ApiHandler } from './product-apis';
import type { RateLimiter } from './rate-limiter';
import { isSameSignature, signApiCall } from '../../lib/suppliers/alibaba-1688/sign';
import type { Stalls } from './stalls';
import type { SandboxStats } from './stats';
import type { TokenStore } from './tokens';

/**
 * The 1688 gateway in front of the APIs, checking what the real one checks, in its order:
 * app key, call rate, signature, timestamp window, access token. Injected faults strike after
 * those checks, as backend trouble would.
 */
export type GatewayDeps = {
  appKey: string;
  appSecret: string;
  tokens: TokenStore;
  limiter: RateLimiter;
  faults: Faults;
  stats: SandboxStats;
  stalls: Stalls;
  apis: Record<string, ApiHandler>;
};

const TIMESTAMP_WINDOW_MS = 15 * 60_000;

export async function handleApiCall(req: http.IncomingMessage, res: http.ServerResponse, route: { namespace: string; apiName: string; appKey: string }, deps: GatewayDeps): Promise<void> {
  const { namespace, apiName, appKey } = route;
  deps.stats.call(apiName);
  try {
    const params = await readParams(req);
    if (appKey !== deps.appKey) throw gatewayErrors.appKeyUnknown(appKey);
    const handler = deps.apis[`${namespace}/${apiName}`];
    if (!handler) throw gatewayErrors.apiUnknown(`${namespace}:${apiName}`);
    if (!deps.limiter.take(appKey)) {
      deps.stats.rateLimited++;
      throw gatewayErrors.rateLimited();
    }
    const signature = params._aop_signature ?? '';
    if (!isSameSignature(signApiCall(`param2/1/${namespace}/${apiName}/${appKey}`, params, deps.appSecret), signature)) throw gatewayErrors.signatureInvalid();
    const timestamp = params._aop_timestamp;
    if (timestamp !== undefined && !(Math.abs(Date.now() - Number(timestamp)) <= TIMESTAMP_WINDOW_MS)) throw gatewayErrors.timestampInvalid();
    const token = params.access_token;
    if (!token) throw gatewayErrors.tokenMissing();
    const check = deps.tokens.check(token);
    if (check === 'unknown') throw gatewayErrors.tokenUnknown();
    if (check === 'expired') throw gatewayErrors.tokenExpired();

    if (await injectFault(res, apiName, 'api', deps)) return;
    sendJson(res, 200, await handler(params));
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    deps.stats.gatewayError(error.code);
    sendJson(res, error.status, error);
  }
}

/** `POST /openapi/http/1/system.oauth2/getToken/{appKey}` with `grant_type=refresh_token`. */
export async function handleGetToken(req: http.IncomingMessage, res: http.ServerResponse, appKey: string, deps: GatewayDeps): Promise<void> {
  deps.stats.call('getToken');
  try {
    const params = await readParams(req);
    if (appKey !== deps.appKey || params.client_id !== deps.appKey) throw gatewayErrors.appKeyUnknown(params.client_id ?? appKey);
    if (params.client_secret !== deps.appSecret) throw new GatewayError(401, 'gw.AppSecretInvalid', 'client_secret is invalid');
    if (params.grant_type !== 'refresh_token') throw gatewayErrors.param('grant_type must be refresh_token');
    if (await injectFault(res, 'getToken', 'getToken', deps)) return;
    const grant = deps.tokens.grant(params.refresh_token ?? '');
    if (!grant) throw gatewayErrors.refreshTokenInvalid();
    sendJson(res, 200, grant);
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    deps.stats.gatewayError(error.code);
    sendJson(res, error.status, error);
  }
}

/** Applies the fault settings to one call; true when the fault already took care of the answer. */
export async function injectFault(res: http.ServerResponse, api: string, scope: FaultScope, deps: Pick<GatewayDeps, 'faults' | 'stats' | 'stalls'>): Promise<boolean> {
  const decision = deps.faults.decide(api, scope);
  await deps.stalls.sleep(decision.latencyMs);
  switch (decision.outcome) {
    case 'pass':
      return false;
    case 'timeout':
      deps.stats.timeoutsInjected++;
      deps.stalls.hold(res);
      return true;
    case 'error':
      deps.stats.errorsInjected++;
      throw gatewayErrors.unavailable();
    case 'refuse':
      deps.stats.refusalsInjected++;
      throw gatewayErrors.aclDecline(api);
  }
}
