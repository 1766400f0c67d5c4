import 'server-only';
import { SupplierError } from '../types';
import { AccessTokens } from './access-token';
import { businessError, businessFailure, gatewayError, gatewayFailure, isTokenFailure, type GatewayFailure } from './errors';
import type { Alibaba1688Keys } from './keys';
import { signApiCall } from './sign';
import { parseWireJson } from './wire-json';

/**
 * One signed call to the 1688 open platform: `POST {base}/openapi/param2/1/{namespace}/{api}/{appKey}`
 * with form-encoded parameters (structured ones as JSON text), `access_token`, `_aop_timestamp`
 * and `_aop_signature`. Answers come back parsed (18-digit ids kept exact); every failure comes
 * back as a SupplierError. A refused access token is renewed once and the call retried once.
 */
export type ParamValue = string | number | boolean | object;
export type CallOptions = { timeoutMs?: number };

export class Alibaba1688Client {
  readonly tokens: AccessTokens;

  constructor(
    private readonly keys: Alibaba1688Keys,
    tokens?: AccessTokens,
  ) {
    this.tokens = tokens ?? new AccessTokens(keys);
  }

  async call(namespace: string, api: string, params: Readonly<Record<string, ParamValue>>, options: CallOptions = {}): Promise<unknown> {
    const token = await this.tokens.get();
    const first = await this.send(namespace, api, params, token, options);
    if (!('failure' in first)) return first.body;
    if (!isTokenFailure(first.failure)) throw gatewayError(first.failure);
    const second = await this.send(namespace, api, params, await this.tokens.replace(token), options);
    if ('failure' in second) throw gatewayError(second.failure);
    return second.body;
  }

  private async send(namespace: string, api: string, params: Readonly<Record<string, ParamValue>>, token: string, options: CallOptions): Promise<{ body: unknown } | { failure: GatewayFailure }> {
    const { appKey, appSecret, baseUrl } = this.keys;
    const urlPath = `param2/1/${namespace}/${api}/${appKey}`;
    const form: Record<string, string> = { access_token: token, _aop_timestamp: String(Date.now()) };
    for (const [key, value] of Object.entries(params)) form[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    form._aop_signature = signApiCall(urlPath, form, appSecret);

    const timeoutMs = options.timeoutMs ?? this.keys.timeoutMs;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${baseUrl}/openapi/${urlPath}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: new URLSearchParams(form),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const isTimeout = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const reason = isTimeout ? `timed out after ${timeoutMs} ms` : describeNetworkError(error);
      throw new SupplierError('unavailable', `1688 ${api}: ${reason}`);
    }

    let body: unknown;
    try {
      body = parseWireJson(text);
    } catch {
      if (response.status >= 500) return { failure: { status: response.status, code: String(response.status), message: 'non-JSON answer' } };
      throw new SupplierError(response.ok ? 'invalid' : 'unavailable', `1688 ${api}: answer is not JSON (HTTP ${response.status})`);
    }
    const hasGatewayCode = typeof body === 'object' && body !== null && 'error_code' in body;
    if (!response.ok || hasGatewayCode) return { failure: gatewayFailure(response.status, body) };
    const failed = businessFailure(body);
    if (failed) throw businessError(failed);
    return { body };
  }
}

function describeNetworkError(error: unknown): string {
  // undici wraps the socket error (ECONNREFUSED, ECONNRESET …) in `cause`.
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
