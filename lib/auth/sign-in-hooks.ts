import 'server-only';

export type SignInHook = (userId: number) => Promise<void>;

/**
 * Work to do right after a successful password check, before the session cookie is issued (the
 * guest-cart merge is one). Hooks belong to the modules above auth, so auth takes them as an
 * argument (`createAuthOptions({ onSignIn })`) instead of importing them; the next-auth route,
 * the only place sign-in runs, lists them. A hook runs inside the sign-in request (it may read its
 * cookies); a failing hook is logged and never fails the sign-in.
 */
export async function runSignInHooks(userId: number, hooks: readonly SignInHook[]): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook(userId);
    } catch (error) {
      console.error(`[auth] sign-in hook ${hook.name || '(anonymous)'} failed for user ${userId}:`, error);
    }
  }
}
