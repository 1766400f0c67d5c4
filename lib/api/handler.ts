import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Redis } from '@upstash/redis';
import { getDb, type Database } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { driverCode, errorJson } from '@/lib/errors/http';
import { bodyLimits, readBodyText } from '@/lib/http/read-body';
import { getRedis } from '@/lib/redis';
import { authenticateRequest } from './authenticate';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  readIdempotencyKey,
  releaseIdempotencyKey,
  REPLAY_HEADER,
  requestHash,
} from './idempotency';
import type { Partner } from './partner-keys';

export type ApiContext<P> = {
  request: Request;
  partner: Partner;
  /** The parsed JSON body; null for a request without one (GET). */
  body: unknown;
  rawBody: string;
  db: Database;
  redis: Redis | null;
  params: P;
  /** The POST's Idempotency-Key, when sent. */
  idempotencyKey: string | null;
  requestId: string;
};

export type ApiHandler<P> = (context: ApiContext<P>) => Promise<Response | object> | Response | object;

const BASE_HEADERS = { 'Cache-Control': 'no-store' } as const;

/** A JSON answer with the open API's headers (never cached). */
export function apiJson(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { ...BASE_HEADERS, ...headers } });
}

/**
 * Wraps every /api/v1 route: reads the raw body once, authenticates the signature, parses JSON,
 * applies Idempotency-Key to POSTs, and turns errors into `{"error":{"code","message"}}` with the
 * AppError's status. Anything else is a 500 whose body carries only a request id; the real error
 * goes to the server log under that id.
 */
export function apiRoute<P extends Record<string, string | string[] | undefined> = Record<string, never>>(handler: ApiHandler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      // Partner requests are small JSON documents; a larger one is refused before it is buffered or hashed.
      const rawBody = await readBodyText(request, bodyLimits.openApi);
      const db = getDb();
      const redis = redisOrNull();
      const partner = await authenticateRequest({ db, redis }, request, rawBody);
      const body = parseBody(request.method, rawBody);
      const idempotencyKey = request.method === 'POST' ? readIdempotencyKey(request) : null;
      const ctx: ApiContext<P> = { request, partner, body, rawBody, db, redis, params: await context.params, idempotencyKey, requestId };
      const response = idempotencyKey ? await runOnce(ctx, idempotencyKey, handler) : toResponse(await handler(ctx));
      response.headers.set('X-Request-Id', requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId, request);
    }
  };
}

async function runOnce<P>(ctx: ApiContext<P>, key: string, handler: ApiHandler<P>): Promise<Response> {
  const { db, partner, request, rawBody, requestId } = ctx;
  const url = new URL(request.url);
  const claim = await claimIdempotencyKey(db, partner.keyId, key, requestHash(request.method, url.pathname + url.search, rawBody));
  if (claim.kind === 'replay') {
    return new Response(claim.body, {
      status: claim.status,
      headers: { ...BASE_HEADERS, 'Content-Type': 'application/json', [REPLAY_HEADER]: 'true' },
    });
  }
  const { claimedAt } = claim;
  let response: Response;
  try {
    response = toResponse(await handler(ctx));
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) {
      await release(db, partner.keyId, key, claimedAt, requestId);
      throw error;
    }
    response = errorResponse(error, requestId, request);
  }
  if (response.status >= 500) {
    await release(db, partner.keyId, key, claimedAt, requestId);
    return response;
  }
  try {
    await completeIdempotencyKey(db, partner.keyId, key, { status: response.status, body: await response.clone().text() });
  } catch (error) {
    // The answer could not be stored (the database went away after the work committed): the
    // client gets the 503 and retries; the work is idempotent on the key and answers the same.
    await release(db, partner.keyId, key, claimedAt, requestId);
    throw error;
  }
  return response;
}

async function release(db: Database, partnerKeyId: string, key: string, claimedAt: Date, requestId: string): Promise<void> {
  // While the database is away this keeps trying in the background; if even that fails the
  // placeholder goes stale and is taken over after a while (idempotency.ts).
  await releaseIdempotencyKey(db, partnerKeyId, key, claimedAt).catch((e: unknown) =>
    console.error(`[api] ${requestId} could not release an idempotency key: ${driverCode(e)}`),
  );
}

function redisOrNull(): Redis | null {
  try {
    return getRedis();
  } catch (error) {
    console.error(`[api] Redis client unavailable: ${(error as Error).message}`);
    return null;
  }
}

function parseBody(method: string, rawBody: string): unknown {
  const needsBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  if (!needsBody) return null;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw new AppError('bad_request', 'The request body must be valid JSON');
  }
}

function toResponse(result: Response | object): Response {
  if (result instanceof Response) {
    if (!result.headers.has('Cache-Control')) result.headers.set('Cache-Control', BASE_HEADERS['Cache-Control']);
    return result;
  }
  return apiJson(result);
}

function errorResponse(error: unknown, requestId: string, request: Request): Response {
  return errorJson(error, { where: `[api] ${request.method} ${new URL(request.url).pathname}`, requestId, headers: { ...BASE_HEADERS }, withDetails: true });
}
