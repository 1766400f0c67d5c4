import 'server-only';
import { z } from 'zod';
import { SupplierError } from '../types';
import { gatewayError, gatewayFailure } from './errors';
import type { Alibaba1688Keys } from './keys';
import { parseWireJson } from './wire-json';

/**
 * The buyer account's access token, bought with the long-lived refresh token from
 * `system.oauth2/getToken` and kept in memory. It is renewed shortly before it expires, and
 * concurrent callers share one renewal instead of stampeding the token endpoint.
 */
const grantSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

export class AccessTokens {
  private current: { token: string; renewAt: number } | null = null;
  private renewal: Promise<string> | null = null;

  constructor(
    private readonly keys: Alibaba1688Keys,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) return this.current.token;
    return this.renew();
  }

  /** Forgets `token` (the gateway refused it) and fetches another, unless a newer one is already here. */
  async replace(token: string): Promise<string> {
    if (this.current?.token === token) this.current = null;
    return this.get();
  }

  private renew(): Promise<string> {
    this.renewal ??= this.fetchToken().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  private async fetchToken(): Promise<string> {
    const { baseUrl, appKey, appSecret, refreshToken, timeoutMs } = this.keys;
    const body = new URLSearchParams({ grant_type: 'refresh_token', client_id: appKey, client_secret: appSecret, refresh_token: refreshToken });
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/openapi/http/1/system.oauth2/getToken/${appKey}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SupplierError('unavailable', `1688 token endpoint unreachable: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = parseWireJson(text);
    } catch {
      // a non-JSON answer is judged by its status below
    }
    if (!response.ok) throw gatewayError(gatewayFailure(response.status, parsed));
    const grant = grantSchema.safeParse(parsed);
    if (!grant.success) throw new SupplierError('auth', '1688 token endpoint answered without an access token');
    const ttlMs = grant.data.expires_in * 1000;
    // Renew a tenth of the lifetime early (at most a minute) so calls never carry a token about to lapse.
    this.current = { token: grant.data.access_token, renewAt: this.now() + ttlMs - Math.min(60_000, ttlMs / 10) };
    return grant.data.access_token;
  }
}
