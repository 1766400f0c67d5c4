'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import type { FormState } from '@/components/account/form-state';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from '@/lib/addresses/address-book';
import { addressFieldErrors, addressFields, shippingAddressSchema } from '@/lib/addresses/address-schema';
import { emailSchema, passwordSchema } from '@/lib/auth/create-user';
import { confirmPasswordReset, requestPasswordReset } from '@/lib/auth/password-reset';
import { accountPaths } from '@/lib/auth/paths';
import { clientIp, getLimiter } from '@/lib/auth/rate-limit';
import { registerCustomer } from '@/lib/auth/register-customer';
import { requireUser } from '@/lib/auth/session';
import { endAllSessions } from '@/lib/auth/session-version';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { defaultLocale, locales } from '@/lib/i18n/locales';

// Each action: validate (zod) → authenticate or rate-limit → one lib call → revalidate or redirect.
// Errors go back as message keys (FormState); anything unexpected is logged and shown as `generic`.

const localeSchema = z.enum(locales).catch(defaultLocale);

function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? '_form')] ??= issue.message;
  return out;
}

/** An AppError the form knows how to show, or `generic` (the details stay in the server log). */
function failure(error: unknown, known: Partial<Record<string, FormState>> = {}): FormState {
  if (isAppError(error)) {
    const mapped = known[error.code];
    if (mapped) return mapped;
    if (error.code === 'validation_failed' && error.details?.fieldErrors) {
      return { ok: false, fieldErrors: error.details.fieldErrors as Record<string, string> };
    }
  }
  console.error('[account action]', error);
  return { ok: false, formError: 'generic' };
}

const signUpSchema = z
  .object({
    name: z.string().trim().max(120, 'tooLong'),
    email: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string(),
    locale: localeSchema,
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordsDiffer' });

/**
 * Creates a customer account (welcome mail) or, for an email that already has one, mails its owner
 * instead: the answer is `{ ok: true }` either way, so the form does not reveal who has an account.
 * The form then tries to sign in through next-auth.
 */
export async function signUpAction(data: FormData): Promise<FormState> {
  const values = { name: text(data, 'name'), email: text(data, 'email') };
  const parsed = signUpSchema.safeParse({ ...values, password: text(data, 'password'), confirmPassword: text(data, 'confirmPassword'), locale: text(data, 'locale') });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), values };
  if (!(await getLimiter('signUp').check({ ip: clientIp(await headers()) }))) return { ok: false, formError: 'rateLimited', values };
  try {
    const { name, email, password, locale } = parsed.data;
    await registerCustomer(getDb(), { name: name || undefined, email, password, locale }, { defer: after });
    return { ok: true };
  } catch (error) {
    return { ...failure(error), values };
  }
}

/**
 * Answers the same for known and unknown emails, and as fast: the lookup, the token and the mail
 * happen after the response. Only a malformed email or the rate limit differ.
 */
export async function requestPasswordResetAction(_previous: FormState, data: FormData): Promise<FormState> {
  const values = { email: text(data, 'email') };
  const email = emailSchema.safeParse(values.email);
  if (!email.success) return { ok: false, fieldErrors: { email: email.error.issues[0]?.message ?? 'emailInvalid' }, values };
  const locale = localeSchema.parse(text(data, 'locale'));
  if (!(await getLimiter('passwordReset').check({ email: email.data, ip: clientIp(await headers()) }))) {
    return { ok: false, formError: 'rateLimited', values };
  }
  const db = getDb();
  after(() => requestPasswordReset(db, { email: email.data, locale }).catch((error: unknown) => console.error('[account action] password reset request failed:', error)));
  return { ok: true, values };
}

const resetSchema = z
  .object({ token: z.string().min(1).max(200), password: passwordSchema, confirmPassword: z.string(), locale: localeSchema })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordsDiffer' });

export async function resetPasswordAction(_previous: FormState, data: FormData): Promise<FormState> {
  const parsed = resetSchema.safeParse({ token: text(data, 'token'), password: text(data, 'password'), confirmPassword: text(data, 'confirmPassword'), locale: text(data, 'locale') });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return errors.token ? { ok: false, formError: 'tokenInvalid' } : { ok: false, fieldErrors: errors };
  }
  try {
    await confirmPasswordReset(getDb(), { token: parsed.data.token, password: parsed.data.password });
  } catch (error) {
    return failure(error, { bad_request: { ok: false, formError: 'tokenInvalid' } });
  }
  redirect(`${accountPaths.signIn(parsed.data.locale)}?reset=1`);
}

/**
 * "Sign out everywhere": ends every session of the signed-in user, this browser's included (the
 * button then clears its cookie). Already signed out counts as done.
 */
export async function signOutEverywhereAction(): Promise<FormState> {
  try {
    const user = await requireUser();
    await endAllSessions(getDb(), user.id);
    return { ok: true };
  } catch (error) {
    return failure(error, { unauthorized: { ok: true } });
  }
}

/** The signed-in user's id; signed out (session expired while the form was open) → the sign-in page. */
async function addressOwner(locale: string): Promise<number> {
  try {
    return (await requireUser()).id;
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthorized') redirect(accountPaths.signIn(locale, accountPaths.addresses(locale)));
    throw error;
  }
}

const addressMetaSchema = z.object({
  id: z.union([z.literal(''), z.coerce.number().int().positive()]),
  locale: localeSchema,
  makeDefault: z.enum(['on', '']),
});

/** Creates an address, or updates the one whose `id` the form carries. */
export async function saveAddressAction(_previous: FormState, data: FormData): Promise<FormState> {
  const values = Object.fromEntries(addressFields.map((name) => [name, text(data, name)]));
  const meta = addressMetaSchema.safeParse({ id: text(data, 'id'), locale: text(data, 'locale'), makeDefault: text(data, 'makeDefault') });
  if (!meta.success) return { ok: false, formError: 'generic', values };
  const address = shippingAddressSchema.safeParse(values);
  if (!address.success) return { ok: false, fieldErrors: addressFieldErrors(address.error), values };
  const { id, locale, makeDefault } = meta.data;
  const userId = await addressOwner(locale);
  try {
    const options = { isDefault: makeDefault === 'on' };
    if (id === '') await createAddress(getDb(), userId, values, options);
    else await updateAddress(getDb(), userId, id, values, options);
  } catch (error) {
    const known = { not_found: { ok: false, formError: 'addressNotFound' }, conflict: { ok: false, formError: 'addressBookFull' } };
    return { ...failure(error, known), values };
  }
  revalidatePath(accountPaths.addresses(locale));
  redirect(accountPaths.addresses(locale));
}

const addressIdSchema = z.object({ id: z.coerce.number().int().positive(), locale: localeSchema });

export async function deleteAddressAction(_previous: FormState, data: FormData): Promise<FormState> {
  const parsed = addressIdSchema.safeParse({ id: text(data, 'id'), locale: text(data, 'locale') });
  if (!parsed.success) return { ok: false, formError: 'generic' };
  const userId = await addressOwner(parsed.data.locale);
  try {
    await deleteAddress(getDb(), userId, parsed.data.id);
  } catch (error) {
    return failure(error, { not_found: { ok: false, formError: 'addressNotFound' } });
  }
  revalidatePath(accountPaths.addresses(parsed.data.locale));
  return { ok: true };
}

export async function setDefaultAddressAction(_previous: FormState, data: FormData): Promise<FormState> {
  const parsed = addressIdSchema.safeParse({ id: text(data, 'id'), locale: text(data, 'locale') });
  if (!parsed.success) return { ok: false, formError: 'generic' };
  const userId = await addressOwner(parsed.data.locale);
  try {
    await setDefaultAddress(getDb(), userId, parsed.data.id);
  } catch (error) {
    return failure(error, { not_found: { ok: false, formError: 'addressNotFound' } });
  }
  revalidatePath(accountPaths.addresses(parsed.data.locale));
  return { ok: true };
}
