import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { passwordResetTokens, users } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';
import { sendEmail, type SendEmailOptions } from '@/lib/email/send-email';
import { AppError } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { absoluteUrl } from '@/lib/site-url';
import { passwordResetEmail } from './account-emails';
import { emailSchema, passwordSchema } from './create-user';
import { hashPassword } from './password';
import { accountPaths } from './paths';
import { endAllSessions } from './session-version';

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Only the SHA-256 of a token is stored: a database leak does not let anyone reset a password. */
export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Emails a one-hour reset link when `email` belongs to an active account, and does nothing
 * otherwise: the caller answers the same in both cases, so the form does not reveal who has an
 * account. Returns nothing for the same reason.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; locale: string },
  { now = new Date(), mail }: { now?: Date; mail?: SendEmailOptions } = {},
): Promise<void> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return;
  const locale: Locale = isLocale(input.locale) ? input.locale : 'en';
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, isDisabled: users.isDisabled })
    .from(users)
    .where(eq(users.email, email.data))
    .limit(1);
  if (!user || user.isDisabled) return;

  const token = randomBytes(32).toString('base64url');
  await db.insert(passwordResetTokens).values({
    tokenHash: hashResetToken(token),
    userId: user.id,
    expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
    createdAt: now,
  });
  const link = absoluteUrl(accountPaths.resetPassword(locale, token));
  await sendEmail(db, { to: user.email, ...passwordResetEmail(locale, { name: user.name, link }) }, mail);
}

/**
 * Sets a new password with a valid, unused, unexpired token; marks that token and every other
 * open token of the user used, and ends every session of the user (session_version + 1). Any
 * other token → AppError('bad_request', details.reason 'invalid_token'); a too-short password →
 * AppError('validation_failed').
 */
export async function confirmPasswordReset(db: Database, input: { token: string; password: string }, now = new Date()): Promise<{ userId: number }> {
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) {
    throw new AppError('validation_failed', 'Invalid password', { fieldErrors: { password: password.error.issues[0]?.message ?? 'required' } });
  }
  const invalid = () => new AppError('bad_request', 'This reset link is invalid or has expired', { reason: 'invalid_token' });
  if (!input.token || input.token.length > 200) throw invalid();
  const passwordHash = await hashPassword(password.data);

  return db.transaction(async (tx) => {
    const [token] = await tx
      .select({ userId: passwordResetTokens.userId, expiresAt: passwordResetTokens.expiresAt, usedAt: passwordResetTokens.usedAt })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, hashResetToken(input.token)))
      .for('update');
    if (!token || token.usedAt || token.expiresAt.getTime() <= now.getTime()) throw invalid();
    const [user] = await tx.select({ isDisabled: users.isDisabled }).from(users).where(eq(users.id, token.userId)).limit(1);
    if (!user || user.isDisabled) throw invalid();

    await tx.update(users).set({ passwordHash }).where(eq(users.id, token.userId));
    // Whoever knew the old password may hold a session: every session issued before ends here.
    await endAllSessions(tx, token.userId);
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, token.userId), isNull(passwordResetTokens.usedAt)));
    return { userId: token.userId };
  });
}
