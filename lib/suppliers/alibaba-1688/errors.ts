import { SupplierError } from '../types';

/**
 * 1688 fails in two layers, mapped here to Ferry's supplier error codes:
 * - the gateway: HTTP 4xx/5xx with `{error_code, error_message}` (rate limit, signature, token,
 *   ACL, backend trouble);
 * - the API itself: HTTP 200 with `success: false` (or "false", or nested under `result`) and a
 *   code/message pair whose field names differ per API.
 */
export type GatewayFailure = { status: number; code: string; message: string };
export type BusinessFailure = { code: string; message: string };

const TOKEN_CODES = new Set(['401', 'gw.AccessTokenExpired', 'gw.AccessTokenInvalid', 'gw.AccessTokenNotExist']);
const NOT_FOUND_CODES = new Set(['404', 'ORDER_NOT_EXIST', 'PRODUCT_NOT_EXIST']);

/** A stale or unknown access token: worth one refresh and one retry. */
export const isTokenFailure = (f: GatewayFailure): boolean => TOKEN_CODES.has(f.code) || (f.status === 401 && /AccessToken/i.test(f.code));

export function gatewayFailure(status: number, body: unknown): GatewayFailure {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof b.error_code === 'string' && b.error_code ? b.error_code : String(status);
  const message = typeof b.error_message === 'string' && b.error_message ? b.error_message : `HTTP ${status}`;
  return { status, code, message };
}

export function gatewayError(f: GatewayFailure): SupplierError {
  const text = `1688 gateway: ${f.message} (${f.code})`;
  if (f.code === 'gw.QosAppFrequencyLimit' || /FrequencyLimit|Qos/i.test(f.code) || f.status === 429) return new SupplierError('rate_limited', text, f.code);
  if (f.status >= 500) return new SupplierError('unavailable', text, f.code);
  if (/ACLDecline|NoPermission|Permission/i.test(f.code) || f.status === 403) return new SupplierError('refused', text, f.code);
  if (isTokenFailure(f) || /Signature|AppKey|AppSecret|RefreshToken/i.test(f.code) || f.status === 401) return new SupplierError('auth', text, f.code);
  return new SupplierError('invalid', text, f.code);
}

const isFalse = (value: unknown) => value === false || value === 'false';
const text = (...values: unknown[]) => values.find((v): v is string => typeof v === 'string' && v !== '');

/** The API-level failure inside a 200 answer, or null when the answer reports success. */
export function businessFailure(body: unknown): BusinessFailure | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const inner = typeof b.result === 'object' && b.result !== null && !Array.isArray(b.result) ? (b.result as Record<string, unknown>) : {};
  const failed = isFalse(b.success) || isFalse(inner.success) || (b.success === undefined && inner.success === undefined && text(b.errorCode) !== undefined);
  if (!failed) return null;
  return {
    code: text(b.code, b.errorCode, inner.code, inner.errorCode) ?? 'unknown',
    message: text(b.message, b.errorMsg, b.errorMessage, inner.message, inner.errorMsg, inner.errorMessage) ?? 'request failed',
  };
}

export function businessError(f: BusinessFailure): SupplierError {
  const text = `1688: ${f.message} (${f.code})`;
  if (NOT_FOUND_CODES.has(f.code)) return new SupplierError('not_found', text, f.code);
  if (/^400|PARAM/i.test(f.code)) return new SupplierError('invalid', text, f.code);
  // Out of stock, several sellers, not orderable, wrong order state: business rules, not retryable.
  return new SupplierError('refused', text, f.code);
}
