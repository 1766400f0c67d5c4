import { randomBytes } from 'node:crypto';
import { sign } from '@/lib/api/signature';

/**
 * Signs open API requests the way a partner would (PRODUCT.md, "Open API signing"), for
 * integration tests and benchmarks. Any of X-Timestamp, X-Nonce or X-Signature given in
 * `extraHeaders` wins over the computed one, so tests can send stale, replayed or forged requests.
 */

export type ApiCredentials = { keyId: string; secret: string };

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The path and query exactly as fetch will send them (percent-encoded by the URL parser). */
export function pathAsSent(baseUrl: string, pathWithQuery: string): string {
  const url = new URL(pathWithQuery, baseUrl);
  return url.pathname + url.search;
}

export function signedHeaders(
  credentials: ApiCredentials,
  method: string,
  pathWithQuery: string,
  rawBody = '',
  extraHeaders: Record<string, string> = {},
): Record<string, string> {
  const given = new Map(Object.entries(extraHeaders).map(([k, v]) => [k.toLowerCase(), v]));
  const timestamp = given.get('x-timestamp') ?? String(Math.floor(Date.now() / 1000));
  const nonce = given.get('x-nonce') ?? newNonce();
  const headers: Record<string, string> = {
    'X-Api-Key': credentials.keyId,
    'X-Timestamp': timestamp,
    'X-Nonce': nonce,
    'X-Signature': sign(credentials.secret, method, pathWithQuery, timestamp, nonce, rawBody),
  };
  if (rawBody !== '') headers['Content-Type'] = 'application/json';
  for (const [name, value] of Object.entries(extraHeaders)) {
    const existing = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
    if (existing) delete headers[existing];
    headers[name] = value;
  }
  return headers;
}

/** `body`: a string is sent as is; anything else as JSON. */
export async function signedFetch(
  baseUrl: string,
  credentials: ApiCredentials,
  method: string,
  pathWithQuery: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const rawBody = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const path = pathAsSent(baseUrl, pathWithQuery);
  return fetch(new URL(path, baseUrl), {
    method,
    headers: signedHeaders(credentials, method, path, rawBody, extraHeaders),
    body: rawBody === '' ? undefined : rawBody,
  });
}
