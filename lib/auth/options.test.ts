import type { Session, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';

const authorizeCredentials = vi.fn();
vi.mock('./authorize', () => ({ authorizeCredentials: (...args: unknown[]) => authorizeCredentials(...args) }));

const { authOptions, createAuthOptions } = await import('./options');

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<User | null>;
const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
const authorize: Authorize = (credentials, req) => provider.options.authorize(credentials, req);

afterEach(() => {
  authorizeCredentials.mockReset();
  vi.restoreAllMocks();
});

describe('authOptions', () => {
  it('uses JWT sessions, the configured secret and the account sign-in page', () => {
    expect(authOptions.session?.strategy).toBe('jwt');
    expect(authOptions.secret).toBeTruthy();
    expect(authOptions.pages?.signIn).toBe('/en/account/sign-in');
  });

  it('passes email, password and the socket address (not a forwarded claim) to the credentials check, and hands next-auth a string id', async () => {
    authorizeCredentials.mockResolvedValue({ id: 42, email: 'a@example.com', role: 'finance', name: null, sessionVersion: 3 });
    const headers = { 'x-forwarded-for': '198.51.100.4, 10.0.0.1', 'x-ferry-client-ip': '::ffff:192.0.2.44' };
    const user = await authorize({ email: 'A@example.com', password: 'pw-123456' }, { headers });
    expect(user).toEqual({ id: '42', email: 'a@example.com', role: 'finance', name: null, sessionVersion: 3 });
    expect(authorizeCredentials.mock.calls[0]?.[1]).toEqual({ email: 'A@example.com', password: 'pw-123456', ip: '192.0.2.44' });
  });

  it('hands the sign-in hooks it was built with to the credentials check, and none when reading sessions', async () => {
    authorizeCredentials.mockResolvedValue(null);
    const hook = async () => undefined;
    const withHooks = createAuthOptions({ onSignIn: [hook] }).providers[0] as unknown as { options: { authorize: Authorize } };
    await withHooks.options.authorize({ email: 'a@example.com', password: 'pw-123456' }, { headers: {} });
    expect(authorizeCredentials.mock.calls[0]?.[2]?.hooks).toEqual([hook]);
    await authorize({ email: 'a@example.com', password: 'pw-123456' }, { headers: {} });
    expect(authorizeCredentials.mock.calls[1]?.[2]?.hooks).toEqual([]);
  });

  it('turns a rate limit into the RateLimited code and hides any other failure behind Unavailable', async () => {
    authorizeCredentials.mockRejectedValueOnce(new AppError('rate_limited', 'slow down'));
    await expect(authorize({ email: 'a@example.com', password: 'x' }, { headers: {} })).rejects.toThrow(/^RateLimited$/);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    authorizeCredentials.mockRejectedValueOnce(new Error("Access denied for user 'root'@'db' (using password: YES)"));
    await expect(authorize({ email: 'a@example.com', password: 'x' }, { headers: {} })).rejects.toThrow(/^Unavailable$/);
  });

  it('puts id (number), role, email and the session version on the token and the session', async () => {
    const jwt = authOptions.callbacks!.jwt!;
    const session = authOptions.callbacks!.session!;
    const user = { id: '7', email: 'w@example.com', role: 'warehouse', name: 'Wu', sessionVersion: 2 };
    const token = (await jwt({ token: { sub: '7' }, user, account: null } as never)) as JWT;
    expect(token).toMatchObject({ id: 7, role: 'warehouse', email: 'w@example.com', name: 'Wu', sv: 2 });
    // Later requests carry the token only (no user): it keeps its claims.
    expect(await jwt({ token, account: null } as never)).toMatchObject({ id: 7, role: 'warehouse', sv: 2 });
    const result = (await session({ session: { expires: '2099-01-01T00:00:00.000Z' } as Session, token } as never)) as Session;
    expect(result.user).toEqual({ id: 7, role: 'warehouse', email: 'w@example.com', name: 'Wu', sessionVersion: 2 });
  });

  it('reads a token issued before session versions existed as version 0', async () => {
    const session = authOptions.callbacks!.session!;
    const legacy = { sub: '7', id: 7, role: 'warehouse', email: 'w@example.com', name: 'Wu' } as JWT;
    const result = (await session({ session: { expires: '2099-01-01T00:00:00.000Z' } as Session, token: legacy } as never)) as Session;
    expect(result.user.sessionVersion).toBe(0);
  });
});
