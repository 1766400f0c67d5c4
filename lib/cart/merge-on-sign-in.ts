import 'server-only';
import { cookies } from 'next/headers';
import { getDb } from '@/lib/db';
import { GUEST_CART_COOKIE, isGuestToken } from './guest-token';
import { mergeGuestCart } from './merge-guest-cart';

/**
 * The sign-in hook (listed by the next-auth route, app/api/auth/[...nextauth]/route.ts): folds the
 * browser's guest cart into the user's and forgets the guest cookie.
 */
export async function mergeGuestCartOnSignIn(userId: number): Promise<void> {
  const store = await cookies();
  const token = store.get(GUEST_CART_COOKIE)?.value;
  if (!isGuestToken(token)) return;
  await mergeGuestCart(getDb(), { guestToken: token, userId });
  try {
    store.delete(GUEST_CART_COOKIE);
  } catch {
    // Read-only cookie store (not a route handler or action): the cart row is gone, which is what counts.
  }
}
