/**
 * Error codes next-auth hands back to `signIn()` as `result.error` (or to the sign-in page as
 * `?error=`): `authorize` throws the first two, next-auth itself uses `CredentialsSignin`.
 * Shared by lib/auth/options.ts (server) and the sign-in form (client).
 */
export const signInErrors = { rateLimited: 'RateLimited', unavailable: 'Unavailable', credentials: 'CredentialsSignin' } as const;

const messageKeys: Record<string, string> = { [signInErrors.rateLimited]: 'rateLimited', [signInErrors.credentials]: 'wrongCredentials' };

/** A next-auth error code → a `formErrors` message key (`generic` for anything else). */
export function signInErrorKey(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return messageKeys[code] ?? 'generic';
}
