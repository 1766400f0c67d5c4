import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { roles, users, type Role } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { defaultLocale, locales } from '@/lib/i18n/locales';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password';

/** Emails are compared lowercased and trimmed everywhere (sign-in, reset, uniqueness). */
export const emailSchema = z
  .string({ error: 'required' })
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(254, 'tooLong')
  .pipe(z.email({ error: 'emailInvalid' }));

export const passwordSchema = z
  .string({ error: 'required' })
  .min(MIN_PASSWORD_LENGTH, 'passwordTooShort')
  .max(MAX_PASSWORD_LENGTH, 'passwordTooLong');

export const createUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(roles, { error: 'roleInvalid' }),
  name: z
    .string()
    .trim()
    .max(120, 'tooLong')
    .optional()
    .transform((v) => v || undefined),
  locale: z.enum(locales).default(defaultLocale),
});

export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreatedUser = { id: number; email: string; role: Role; name: string | null; locale: string };

/** zod issues as `{ field: messageKey }`, the first issue per field (forms show one message). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_form';
    out[field] ??= issue.message;
  }
  return out;
}

/** MySQL/MariaDB duplicate key, whether drizzle wrapped the driver error or not. */
export function isDuplicateKeyError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === 'ER_DUP_ENTRY' || (e as { errno?: unknown }).errno === 1062) return true;
  }
  return false;
}

export type NewUser = z.output<typeof createUserSchema>;

/** Validated user details, or AppError('validation_failed') with `details.fieldErrors` (message keys). */
export function parseNewUser(input: CreateUserInput): NewUser {
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'Invalid user details', { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  return parsed.data;
}

const taken = () => new AppError('conflict', 'An account with this email already exists', { field: 'email' });

/** Inserts the account; an email already registered → AppError('conflict') (the unique index decides races). */
export async function insertUser(db: Database, user: NewUser, passwordHash: string): Promise<CreatedUser> {
  const { email, role, name, locale } = user;
  try {
    const [row] = await db.insert(users).values({ email, passwordHash, role, name: name ?? null, locale }).$returningId();
    return { id: row!.id, email, role, name: name ?? null, locale };
  } catch (error) {
    if (isDuplicateKeyError(error)) throw taken();
    throw error;
  }
}

/**
 * Creates an account (the CLI and staff tools; shoppers go through registerCustomer, which does not
 * say whether an email is taken). Invalid input → AppError('validation_failed') with
 * `details.fieldErrors` (message keys); an email already registered → AppError('conflict').
 */
export async function createUser(db: Database, input: CreateUserInput): Promise<CreatedUser> {
  const user = parseNewUser(input);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email)).limit(1);
  if (existing) throw taken();
  return insertUser(db, user, await hashPassword(user.password));
}
