import 'server-only';
import { eq } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { users, type Role } from '@/db/schema/accounts';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { authOptions } from './options';
import { accountPaths } from './paths';
import { can, isStaff, type Permission } from './permissions';
import { isCurrentSession } from './session-version';

export type CurrentUser = { id: number; email: string; role: Role; name: string | null };

/**
 * The signed-in user, or null. The JWT only says who signed in and with which session version; the
 * role, the disabled flag and the current version are read from the database (one query, once per
 * request), so a role change, a disabled account, a password reset or "sign out everywhere" takes
 * effect on the next request rather than when the token expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
  const [row] = await getDb()
    .select({ id: users.id, email: users.email, role: users.role, name: users.name, isDisabled: users.isDisabled, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row || row.isDisabled || !isCurrentSession(session?.user?.sessionVersion, row.sessionVersion)) return null;
  return { id: row.id, email: row.email, role: row.role, name: row.name };
});

/** For actions, reads and handlers: the user, or AppError('unauthorized'). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'Sign in to continue');
  return user;
}

/** For staff actions, reads and handlers: the user if their role grants `permission`, else AppError('forbidden'). */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) throw new AppError('forbidden', 'You do not have access to this');
  return user;
}

/** For pages: the user, or a redirect to the sign-in page that comes back to `callbackPath`. */
export async function requireUserOrRedirect(locale: string, callbackPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(accountPaths.signIn(locale, callbackPath));
  return user;
}

/**
 * For admin pages: signed out → sign-in page; a shopper → 404 (the admin does not reveal itself to
 * shoppers); staff whose role lacks the permission → 403 with app/[locale]/admin/forbidden.tsx,
 * inside the admin frame and its menu (`forbidden()` needs `experimental.authInterrupts`, on in
 * next.config.ts).
 */
export async function requireStaffPage(locale: string, permission: Permission, callbackPath = `/${locale}/admin`): Promise<CurrentUser> {
  const user = await requireUserOrRedirect(locale, callbackPath);
  if (!isStaff(user.role)) notFound();
  if (!can(user.role, permission)) forbidden();
  return user;
}
