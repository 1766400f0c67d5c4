import 'server-only';
import { eq } from 'drizzle-orm';
import { users, type Role } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { emailSchema } from './create-user';
import { verifyAgainstDummy, verifyPassword } from './password';
import type { Limiter } from './rate-limit';
import { runSignInHooks, type SignInHook } from './sign-in-hooks';

/** `sessionVersion` goes into the session JWT: a session is only good while it still matches (session.ts). */
export type AuthorizedUser = { id: number; email: string; role: Role; name: string | null; sessionVersion: number };

type Deps = { limiter: Limiter; hooks?: readonly SignInHook[] };

/**
 * The credentials check behind next-auth's `authorize`: rate limit (per email and per IP) →
 * password → disabled? → sign-in hooks. Null for any wrong email/password/disabled account (one
 * answer, so it does not reveal which emails exist); AppError('rate_limited') when limited.
 */
export async function authorizeCredentials(
  db: Database,
  input: { email: unknown; password: unknown; ip: string | null },
  deps: Deps,
): Promise<AuthorizedUser | null> {
  const email = emailSchema.safeParse(input.email);
  const password = typeof input.password === 'string' ? input.password : '';
  if (!email.success || password === '') return null;

  if (!(await deps.limiter.check({ email: email.data, ip: input.ip }))) {
    throw new AppError('rate_limited', 'Too many sign-in attempts; try again in a few minutes');
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      name: users.name,
      passwordHash: users.passwordHash,
      isDisabled: users.isDisabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email.data))
    .limit(1);
  if (!user) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  if (user.isDisabled) return null;

  await runSignInHooks(user.id, deps.hooks ?? []);
  return { id: user.id, email: user.email, role: user.role, name: user.name, sessionVersion: user.sessionVersion };
}
