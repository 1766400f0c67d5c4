import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';
import { sendEmail, type SendEmailOptions } from '@/lib/email/send-email';
import { isAppError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/locales';
import { signUpAttemptEmail, welcomeEmail, type EmailContent } from './account-emails';
import { insertUser, parseNewUser } from './create-user';
import { hashPassword } from './password';

/**
 * Self-service sign-up that does not tell whether an email already has an account: the caller
 * gets nothing back either way, and both ways hash the password (the costly step) and send one mail.
 * - a new email → a `customer` account and a welcome email in the shopper's language;
 * - an email already registered → nothing is created or changed; the address's owner gets a mail
 *   (in their own language) saying someone tried, with links to sign in or reset the password.
 * Invalid input → AppError('validation_failed') with field message keys, the same for both.
 */
export async function registerCustomer(
  db: Database,
  input: { email: string; password: string; name?: string; locale: string },
  options: RegisterOptions = {},
): Promise<void> {
  const user = parseNewUser({ ...input, role: 'customer', locale: isLocale(input.locale) ? input.locale : undefined });
  const passwordHash = await hashPassword(user.password);
  const [existing] = await db.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.email, user.email)).limit(1);
  const deliver = (content: EmailContent) => {
    const send = async () => void (await sendEmail(db, { to: user.email, ...content }, options.mail));
    return options.defer ? options.defer(send) : send();
  };
  if (!existing) {
    try {
      const created = await insertUser(db, user, passwordHash);
      return await deliver(welcomeEmail(created.locale, { name: created.name }));
    } catch (error) {
      // Someone signed up with the same email a moment ago: the unique index decided; same answer.
      if (!isAppError(error) || error.code !== 'conflict') throw error;
    }
  }
  await deliver(signUpAttemptEmail(existing?.locale ?? user.locale, { name: existing?.name }));
}

type RegisterOptions = {
  mail?: SendEmailOptions;
  /**
   * Runs the mail after the response (the action passes next/server's `after`), so an SMTP server's
   * latency cannot tell the two cases apart either. Without it the mail is sent before returning.
   */
  defer?: (task: () => Promise<void>) => void;
};
