import 'server-only';
import type { Database } from '@/lib/db';
import { sendEmail } from '@/lib/email/send-email';
import { welcomeEmail } from '@/lib/email/templates';
import { isLocale } from '@/lib/i18n/locales';
import { createUser, type CreatedUser } from './create-user';

/** Self-service sign-up: a `customer` account plus a welcome email in the shopper's language. */
export async function registerCustomer(
  db: Database,
  input: { email: string; password: string; name?: string; locale: string },
): Promise<CreatedUser> {
  const user = await createUser(db, { ...input, role: 'customer', locale: isLocale(input.locale) ? input.locale : undefined });
  await sendEmail(db, { to: user.email, ...welcomeEmail(user.locale, { name: user.name }) });
  return user;
}
