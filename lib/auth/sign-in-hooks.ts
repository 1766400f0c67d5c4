import 'server-only';
import { mergeGuestCartOnSignIn } from '@/lib/cart/merge-on-sign-in';

export type SignInHook = (userId: number) => Promise<void>;

/**
 * Work to do right after a successful password check, before the session cookie is issued (the
 * guest-cart merge belongs here). Register a hook by adding it to this array literal, so that it is
 * loaded wherever sign-in runs. A hook runs inside the sign-in request (it may read its cookies);
 * a failing hook is logged and never fails the sign-in.
 */
export const onSignIn: SignInHook[] = [mergeGuestCartOnSignIn];

export async function runSignInHooks(userId: number, hooks: readonly SignInHook[] = onSignIn): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook(userId);
    } catch (error) {
      console.error(`[auth] sign-in hook ${hook.name || '(anonymous)'} failed for user ${userId}:`, error);
    }
  }
}
