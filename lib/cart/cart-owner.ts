import 'server-only';
import { cookies } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { GUEST_CART_COOKIE, GUEST_CART_MAX_AGE, isGuestToken, newGuestToken } from './guest-token';
import type { CartOwner } from './types';

/** Whose cart this request sees: the signed-in user's, else the guest cookie's; null when there is neither. */
export async function currentCartOwner(): Promise<CartOwner | null> {
  const user = await getCurrentUser();
  if (user) return { kind: 'user', userId: user.id };
  const token = (await cookies()).get(GUEST_CART_COOKIE)?.value;
  return isGuestToken(token) ? { kind: 'guest', guestToken: token } : null;
}

/**
 * For writes (server actions only: they may set cookies): the current owner, or a new guest whose
 * token is set as an httpOnly cookie for 30 days.
 */
export async function cartOwnerForWrite(): Promise<CartOwner> {
  const owner = await currentCartOwner();
  if (owner) return owner;
  const guestToken = newGuestToken();
  (await cookies()).set(GUEST_CART_COOKIE, guestToken, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: GUEST_CART_MAX_AGE,
    secure: getEnv().SITE_URL.startsWith('https:'),
  });
  return { kind: 'guest', guestToken };
}
