import { randomUUID } from 'node:crypto';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { AppError, isAppError, RETRY_AFTER_SECONDS, serviceUnavailable } from './index';

/**
 * The error a user may see for any thrown value: AppErrors as they are, a database that cannot be
 * reached as `service_unavailable` (503), anything else null (an internal error, logged, never shown).
 */
export function publicError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) return serviceUnavailable();
  return null;
}

export type ErrorJsonOptions = {
  /** Names the route in the log line: `[webhooks] POST /api/webhooks/payments/sandbox`. */
  where: string;
  requestId?: string;
  headers?: Record<string, string>;
  /** Also send a 4xx AppError's `details` (the open API names the fields at fault). */
  withDetails?: boolean;
};

/**
 * One JSON error answer for route handlers, `{"error":{"code","message"}}` with the AppError's
 * status. 503s carry Retry-After; a database outage is one line in the log (the driver's text can
 * hold SQL and values, which stay out of it); anything unexpected is a 500 whose body names only a
 * request id, with the error itself in the log under that id.
 */
export function errorJson(error: unknown, options: ErrorJsonOptions): Response {
  const requestId = options.requestId ?? randomUUID();
  const headers: Record<string, string> = { ...options.headers, 'X-Request-Id': requestId };
  const known = publicError(error);
  if (!known) {
    console.error(`${options.where} failed (request ${requestId}):`, error);
    return Response.json({ error: { code: 'internal', message: 'Internal error', requestId } }, { status: 500, headers });
  }
  if (known.status === 503) {
    if (!isAppError(error)) console.warn(`${options.where}: database unavailable (request ${requestId}): ${driverCode(error)}`);
    headers['Retry-After'] = String(known.details?.retryAfterSeconds ?? RETRY_AFTER_SECONDS);
  }
  if (known.code === 'rate_limited' && typeof known.details?.retryAfterSeconds === 'number') headers['Retry-After'] = String(known.details.retryAfterSeconds);
  const body =
    known.status >= 500
      ? { code: known.code, message: known.message, requestId }
      : { code: known.code, message: known.message, ...(options.withDetails && known.details ? { details: known.details } : {}) };
  return Response.json({ error: body }, { status: known.status, headers });
}

/** The same for a person's browser (the pay links): the message as plain text. */
export function errorText(error: unknown, where: string): Response {
  const json = errorJson(error, { where });
  const known = publicError(error);
  const headers = new Headers(json.headers);
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  return new Response(known ? known.message : `Something went wrong (request ${headers.get('X-Request-Id')})`, { status: json.status, headers });
}

/** The driver's error code (ECONNREFUSED, PROTOCOL_CONNECTION_LOST, …) or number, never its message. */
export function driverCode(error: unknown): string {
  for (let e = error as { cause?: unknown; code?: unknown; errno?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
    if (typeof e.errno === 'number') return `errno ${e.errno}`;
  }
  return 'connection closed';
}
