import { randomUUID } from 'node:crypto';
import { format1688Time } from './time-format';

/**
 * The OAuth side of the gateway for one authorized buyer account: the refresh token (as issued
 * when the agent authorized the app, valid for months) buys short-lived access tokens.
 */
export const sandboxBuyer = {
  aliId: '2209876543',
  memberId: 'b2b-22098765431f3a2',
  loginId: 'ferry采购',
} as const;

export type TokenGrant = {
  access_token: string;
  expires_in: string;
  refresh_token: string;
  refresh_token_timeout: string;
  aliId: string;
  memberId: string;
  resource_owner: string;
};

export type TokenCheck = 'valid' | 'expired' | 'unknown';

const REFRESH_TOKEN_LIFETIME_MS = 180 * 86_400_000;
const MAX_TOKENS = 10_000;

export class TokenStore {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly options: { refreshToken: string; ttlSeconds: number; now?: () => number },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** A new access token for a valid refresh token, or null. Older access tokens stay valid until they expire. */
  grant(refreshToken: string): TokenGrant | null {
    if (refreshToken !== this.options.refreshToken) return null;
    const now = this.now();
    if (this.expiries.size >= MAX_TOKENS) {
      for (const [token, expiresAt] of this.expiries) if (expiresAt <= now) this.expiries.delete(token);
    }
    const accessToken = randomUUID();
    this.expiries.set(accessToken, now + this.options.ttlSeconds * 1000);
    return {
      access_token: accessToken,
      // 1688 sends these numbers as strings.
      expires_in: String(this.options.ttlSeconds),
      refresh_token: refreshToken,
      refresh_token_timeout: format1688Time(now + REFRESH_TOKEN_LIFETIME_MS),
      aliId: sandboxBuyer.aliId,
      memberId: sandboxBuyer.memberId,
      resource_owner: sandboxBuyer.loginId,
    };
  }

  check(accessToken: string): TokenCheck {
    const expiresAt = this.expiries.get(accessToken);
    if (expiresAt === undefined) return 'unknown';
    return expiresAt > this.now() ? 'valid' : 'expired';
  }

  /** Expires every access token issued so far (control API), to exercise clients' refresh path. */
  expireAll(): number {
    const now = this.now();
    for (const token of this.expiries.keys()) this.expiries.set(token, now);
    return this.expiries.size;
  }
}
