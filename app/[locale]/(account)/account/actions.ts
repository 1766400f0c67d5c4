'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { after } from 'next/server';
import { z } from 'zod';
import { action, formObject } from '@/lib/actions';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from '@/lib/addresses/address-book';
import { addressFields } from '@/lib/addresses/address-schema';
import { emailSchema, passwordSchema } from '@/lib/auth/create-user';
import { confirmPasswordReset, requestPasswordReset } from '@/lib/auth/password-reset';
import { accountPaths } from '@/lib/auth/paths';
import { getLimiter } from '@/lib/auth/rate-limit';
import { registerCustomer } from '@/lib/auth/register-customer';
import { endAllSessions } from '@/lib/auth/session-version';
import { getDb } from '@/lib/db';
import type { AppError, AppErrorCode } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { defaultLocale, locales } from '@/lib/i18n/locales';
import { cacheTags } from '@/lib/cache/tags';
import { setPhotoSharing } from '@/lib/warehouse/photos/photo-sharing';

// Field errors come back as message keys (namespace `formErrors`, or `addressErrors` for address
// fields); a refusal of the whole form as a sentence from `formErrors`.

const localeSchema = z.enum(locales).catch(defaultLocale);

/** Words refusals with `formErrors` keys: the ones an action knows, rate limits, and `generic` for the rest. */
function formErrors(known: Partial<Record<AppErrorCode, string>> = {}) {
  return async (error: AppError, locale: string) => {
    const t = await getTranslations({ locale, namespace: 'formErrors' });
    return t(known[error.code] ?? (error.code === 'rate_limited' ? 'rateLimited' : 'generic'));
  };
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
 * instead: the answer is a success either way, so the form does not reveal who has an account. The
 * form then tries to sign in through next-auth.
 */
export const signUpAction = action({
  name: 'sign up',
  input: signUpSchema,
  auth: { public: true },
  rateLimit: async () => getLimiter('signUp').check({ ip: clientIp(await headers()) }),
  run: ({ name, email, password, locale }) => registerCustomer(getDb(), { name: name || undefined, email, password, locale }, { defer: after }),
  describe: formErrors(),
  echo: ['name', 'email'],
});

/**
 * Answers the same for known and unknown emails, and as fast: the lookup, the token and the mail
 * happen after the response. Only a malformed email or the rate limit differ.
 */
export const requestPasswordResetAction = action({
  name: 'password reset request',
  input: z.object({ email: emailSchema, locale: localeSchema }),
  auth: { public: true },
  rateLimit: async ({ email }) => getLimiter('passwordReset').check({ email, ip: clientIp(await headers()) }),
  run: async ({ email, locale }) => {
    const db = getDb();
    after(() => requestPasswordReset(db, { email, locale }).catch((error: unknown) => console.error('[account action] password reset request failed:', error)));
  },
  describe: formErrors(),
  echo: ['email'],
});

const resetSchema = z
  .object({ token: z.string().min(1).max(200), password: passwordSchema, confirmPassword: z.string(), locale: localeSchema })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordsDiffer' });

/** Sets the new password; a used, expired or malformed token is `tokenInvalid` (the form offers a new link). */
export const resetPasswordAction = action({
  name: 'password reset',
  input: resetSchema,
  auth: { public: true },
  run: ({ token, password }) => confirmPasswordReset(getDb(), { token, password }),
  redirect: ({ locale }) => `${accountPaths.signIn(locale)}?reset=1`,
  describe: (error, locale) => {
    const fields = error.details?.fieldErrors;
    const isTokenField = typeof fields === 'object' && fields !== null && 'token' in fields;
    return formErrors({ bad_request: 'tokenInvalid', ...(isTokenField ? { validation_failed: 'tokenInvalid' } : {}) })(error, locale);
  },
});

/**
 * "Sign out everywhere": ends every session of the signed-in user, this browser's included (the
 * button then clears its cookie).
 */
export const signOutEverywhereAction = action({
  name: 'sign out everywhere',
  input: z.object({}),
  auth: { user: true },
  run: (_input, { user }) => endAllSessions(getDb(), user.id),
});

/**
 * Whether the shopper's items' QC photos may appear on product pages. The pages that show (or
 * showed) them are expired at once, so a withdrawn photo leaves them on the next view.
 */
export const setPhotoSharingAction = action({
  name: 'photo sharing',
  input: z.object({ share: z.enum(['on', '']).default(''), locale: localeSchema }),
  auth: { user: true },
  run: async ({ share }, { user }) => {
    const products = await setPhotoSharing(getDb(), user, share === 'on');
    for (const id of products) updateTag(cacheTags.warehousePhotos(id));
  },
  revalidate: ({ locale }) => revalidatePath(accountPaths.home(locale)),
  describe: formErrors(),
});

/** Signed out (the session ended while the form was open) → the sign-in page, back to the address book. */
const addressBookUser = { user: true, signedOutRedirect: ({ locale }: { locale: string }) => accountPaths.signIn(locale, accountPaths.addresses(locale)) } as const;

const addressText = z.string().max(500).default('');
const addressInput = z.object({
  id: z.union([z.literal(''), z.coerce.number().int().positive()]),
  locale: localeSchema,
  makeDefault: z.enum(['on', '']).default(''),
  // The address inputs, judged by the destination country's rules in lib/addresses (field errors
  // as `addressErrors` keys); here only bounded.
  address: z.object({ name: addressText, line1: addressText, line2: addressText, city: addressText, region: addressText, postalCode: addressText, country: addressText, phone: addressText }),
});

/** Creates an address, or updates the one whose `id` the form carries. */
export const saveAddressAction = action({
  name: 'address save',
  input: addressInput,
  read: (formData) => {
    const fields = formObject(formData);
    return { ...fields, address: fields };
  },
  auth: addressBookUser,
  run: async ({ id, makeDefault, address }, { user }) => {
    const options = { isDefault: makeDefault === 'on' };
    if (id === '') await createAddress(getDb(), user.id, address, options);
    else await updateAddress(getDb(), user.id, id, address, options);
  },
  revalidate: ({ locale }) => revalidatePath(accountPaths.addresses(locale)),
  redirect: ({ locale }) => accountPaths.addresses(locale),
  describe: formErrors({ not_found: 'addressNotFound', conflict: 'addressBookFull' }),
  echo: addressFields,
});

const addressIdInput = z.object({ id: z.coerce.number().int().positive(), locale: localeSchema });

export const deleteAddressAction = action({
  name: 'address delete',
  input: addressIdInput,
  auth: addressBookUser,
  run: ({ id }, { user }) => deleteAddress(getDb(), user.id, id),
  revalidate: ({ locale }) => revalidatePath(accountPaths.addresses(locale)),
  describe: formErrors({ not_found: 'addressNotFound' }),
});

export const setDefaultAddressAction = action({
  name: 'address default',
  input: addressIdInput,
  auth: addressBookUser,
  run: ({ id }, { user }) => setDefaultAddress(getDb(), user.id, id),
  revalidate: ({ locale }) => revalidatePath(accountPaths.addresses(locale)),
  describe: formErrors({ not_found: 'addressNotFound' }),
});
