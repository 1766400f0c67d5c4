'use server';
import { z } from 'zod';
import { parcelServices } from '@/db/schema/parcels';
import { action } from '@/lib/actions';
import { getAddress } from '@/lib/addresses/address-book';
import { userActor } from '@/lib/audit/actor';
import { accountPaths } from '@/lib/auth/paths';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import type { CurrencyCode } from '@/lib/money';
import { isSupportedCurrency } from '@/lib/money/locale-currency';
import { createParcel } from '@/lib/parcels/create-parcel';
import { findOwnParcel } from '@/lib/parcels/queries';
import { cancelOwnParcel, payOwnParcelFromWallet } from '@/lib/payments/own-parcel-payment';
import { startParcelPayment } from '@/lib/payments/start-parcel-payment';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const signedOut = ({ locale }: { locale: string }) => accountPaths.signIn(locale, accountPaths.parcels(locale));
const parcelInput = z.object({ locale: z.enum(locales), number: z.string().min(1).max(20) });

/** "Create parcel": the chosen accepted items, a saved address, a line and services; declared values default to what was paid. */
export const createParcelAction = action({
  name: 'parcel create',
  input: z.object({
    locale: z.enum(locales),
    items: z.array(id).min(1).max(100),
    addressId: id,
    lineId: id,
    currency: z.custom<CurrencyCode>(isSupportedCurrency),
    services: z.array(z.enum(parcelServices)).max(parcelServices.length),
  }),
  read: (formData) => {
    const out: Record<string, unknown> = {};
    for (const key of ['locale', 'addressId', 'lineId', 'currency']) out[key] = formData.get(key) ?? undefined;
    out.items = formData.getAll('items');
    out.services = formData.getAll('services');
    return out;
  },
  auth: { user: true, signedOutRedirect: signedOut },
  run: async ({ locale, items, addressId, lineId, currency, services }, { user }) => {
    const db = getDb();
    const address = await getAddress(db, user.id, addressId);
    const parcel = await createParcel(db, { owner: { type: 'user', userId: user.id }, itemIds: items, lineId, address, services, currency, gateway: getEnv().PAYMENT_GATEWAY, actor: userActor(user), locale });
    return { number: parcel.number };
  },
  redirect: ({ locale }, { number }) => accountPaths.parcel(locale, number),
});

/** "Pay by card": the gateway's page for what the parcel awaits (its price, the rest after a wallet part, or its top-up). */
export const payParcelByCardAction = action({
  name: 'parcel pay card',
  input: parcelInput,
  auth: { user: true, signedOutRedirect: signedOut },
  run: async ({ locale, number }, { user }) => {
    const db = getDb();
    const parcel = await findOwnParcel(db, { type: 'user', userId: user.id }, number);
    if (!parcel) throw new AppError('not_found', 'Parcel not found');
    const env = getEnv();
    return startParcelPayment(db, env, { parcelId: parcel.id, returnUrl: `${env.SITE_URL.replace(/\/$/, '')}${accountPaths.parcel(locale, number)}` });
  },
  redirect: (_input, url) => url,
});

/** "Pay from balance" (all of it, or with `part` what the balance covers and the rest by card next). */
export const payParcelFromWalletAction = action({
  name: 'parcel pay wallet',
  input: parcelInput.extend({ part: z.enum(['1']).optional() }),
  auth: { user: true, signedOutRedirect: signedOut },
  run: ({ number, part }, { user }) => payOwnParcelFromWallet(getDb(), { userId: user.id, number, actor: userActor(user), allowPart: part === '1' }),
  redirect: ({ locale, number }) => accountPaths.parcel(locale, number),
});

/** "Cancel parcel": only while unpaid (before or after its rehearsal); an open card payment is withdrawn, the items go back to the shopper's accepted items. */
export const cancelParcelAction = action({
  name: 'parcel cancel',
  input: parcelInput,
  auth: { user: true, signedOutRedirect: signedOut },
  run: ({ number }, { user }) => cancelOwnParcel(getDb(), { userId: user.id, number, actor: userActor(user) }),
  redirect: ({ locale, number }) => accountPaths.parcel(locale, number),
});
