'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { userActor } from '@/lib/audit/actor';
import { accountPaths } from '@/lib/auth/paths';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { payDifferenceFromWallet, payServiceChargeFromWallet } from '@/lib/wallet/pay-from-wallet';
import { locales } from '@/lib/i18n/locales';
import { orderNumberPattern } from '@/lib/orders/order-number';
import { orderPaths } from '@/lib/orders/paths';
import { cancelOwnOrder } from '@/lib/payments/cancel-own-order';
import { paymentUrl } from '@/lib/payments/pay-link';
import { payOrderFromWallet } from '@/lib/payments/pay-order-from-wallet';
import { declinePriceDifference } from '@/lib/payments/decline-price-difference';
import { startDifferencePayment } from '@/lib/payments/start-difference-payment';
import { getRedis } from '@/lib/redis';
import { startServiceChargePayment } from '@/lib/payments/start-service-charge-payment';
import { decideItem, returnReasonSchema } from '@/lib/warehouse/decisions/decide-item';
import { requestMorePhotos } from '@/lib/warehouse/decisions/request-more-photos';

const input = z.object({ locale: z.enum(locales), number: z.string().regex(orderNumberPattern), differenceId: z.coerce.number().int().positive() });

/** Signed out (the session ended while the page was open) → the sign-in page, back to this order. */
const orderOwner = { user: true, signedOutRedirect: ({ locale, number }: z.output<typeof input>) => accountPaths.signIn(locale, orderPaths.order(locale, number)) } as const;

/** "Pay the difference": the gateway's pay page for the request (the owner only; checked in the lib call). */
export const payDifferenceAction = action({
  name: 'price difference pay',
  input,
  auth: orderOwner,
  run: ({ locale, number, differenceId }, { user }) => {
    const env = getEnv();
    return startDifferencePayment(getDb(), env, { userId: user.id, differenceId, returnUrl: `${env.SITE_URL.replace(/\/$/, '')}${orderPaths.order(locale, number)}` });
  },
  redirect: (_input, paymentPageUrl) => paymentPageUrl,
});

/** "Pay from my balance": the whole difference from the wallet in the order's currency, once (the owner only). */
export const payDifferenceFromWalletAction = action({
  name: 'price difference pay (wallet)',
  input,
  auth: orderOwner,
  run: ({ differenceId }, { user }) => payDifferenceFromWallet(getDb(), { userId: user.id, differenceId, actor: userActor(user) }),
  revalidate: ({ locale, number }) => revalidatePath(orderPaths.order(locale, number)),
  redirect: ({ locale, number }) => `${orderPaths.order(locale, number)}?difference=wallet`,
});

/** "Cancel these items": the lines are cancelled and their price refunded at the order's pinned rate. */
export const declineDifferenceAction = action({
  name: 'price difference decline',
  input,
  auth: orderOwner,
  run: ({ differenceId }, { user }) => declinePriceDifference(getDb(), getRedis(), getEnv(), { differenceId, userId: user.id }, userActor(user)),
  revalidate: ({ locale, number }) => revalidatePath(orderPaths.order(locale, number)),
  redirect: ({ locale, number }) => `${orderPaths.order(locale, number)}?difference=declined`,
});

const cancelInput = z.object({ locale: z.enum(locales), number: z.string().regex(orderNumberPattern) });

/** "Cancel this order": the shopper's own unpaid order; a payment they opened is withdrawn at the gateway first. */
export const cancelOrderAction = action({
  name: 'order cancel (shopper)',
  input: cancelInput,
  auth: { user: true, signedOutRedirect: ({ locale, number }: z.output<typeof cancelInput>) => accountPaths.signIn(locale, orderPaths.order(locale, number)) },
  run: ({ number }, { user }) => cancelOwnOrder(getDb(), getRedis(), { userId: user.id, number, actor: userActor(user) }),
  revalidate: ({ locale, number }) => {
    revalidatePath(orderPaths.order(locale, number));
    revalidatePath(orderPaths.list(locale));
  },
  redirect: ({ locale, number }) => `${orderPaths.order(locale, number)}?cancelled=1`,
});

/** "Pay with my balance": the balance pays the order, or its part, and the card the rest (the owner only). */
export const payOrderFromWalletAction = action({
  name: 'order pay (wallet)',
  input: cancelInput,
  auth: { user: true, signedOutRedirect: ({ locale, number }: z.output<typeof cancelInput>) => accountPaths.signIn(locale, orderPaths.order(locale, number)) },
  run: async ({ number }, { user }) => {
    const paid = await payOrderFromWallet(getDb(), getRedis(), { userId: user.id, orderNumber: number, actor: userActor(user) });
    return { outcome: paid.outcome, payToken: paid.payToken };
  },
  revalidate: ({ locale, number }) => {
    revalidatePath(orderPaths.order(locale, number));
    revalidatePath(orderPaths.list(locale));
  },
  // Paid whole: back to the order; in part: the card pays the rest on the pay link.
  redirect: ({ locale, number }, paid) => (paid.outcome === 'paid' ? `${orderPaths.order(locale, number)}?payment=wallet` : paymentUrl('', { number, payToken: paid.payToken })),
});

const itemInput = z.object({ locale: z.enum(locales), number: z.string().regex(orderNumberPattern), itemId: z.coerce.number().int().positive() });
const itemOwner = { user: true, signedOutRedirect: ({ locale, number }: z.output<typeof itemInput>) => accountPaths.signIn(locale, orderPaths.order(locale, number)) } as const;

/** QC "Accept": the item is ready to ship (the owner only: another shopper's item is not found). */
export const acceptItemAction = action({
  name: 'qc accept (shopper)',
  input: itemInput,
  auth: itemOwner,
  run: ({ number, itemId }, { user }) => decideItem(getDb(), { owner: { userId: user.id }, itemId, orderNumber: number, actor: userActor(user), decidedBy: 'shopper', decision: 'accept' }),
  revalidate: ({ locale, number }) => revalidatePath(orderPaths.order(locale, number)),
});

/** QC "Return / exchange", with the shopper's reason. */
export const returnItemAction = action({
  name: 'qc return (shopper)',
  input: itemInput.extend({ reason: returnReasonSchema }),
  auth: itemOwner,
  run: ({ number, itemId, reason }, { user }) =>
    decideItem(getDb(), { owner: { userId: user.id }, itemId, orderNumber: number, actor: userActor(user), decidedBy: 'shopper', decision: 'return', reason }),
  revalidate: ({ locale, number }) => revalidatePath(orderPaths.order(locale, number)),
  echo: ['reason'],
});

/** QC "More photos": the item's open charge (made or reused), then the gateway's pay page for it. */
export const morePhotosAction = action({
  name: 'qc more photos (shopper)',
  input: itemInput,
  auth: itemOwner,
  run: async ({ locale, number, itemId }, { user }) => {
    const env = getEnv();
    const charge = await requestMorePhotos(getDb(), { owner: { userId: user.id }, itemId, orderNumber: number, actor: userActor(user) });
    const orderUrl = orderPaths.order(locale, number);
    if (charge.status === 'paid') return `${orderUrl}?photos=granted`;
    return startServiceChargePayment(getDb(), env, { serviceChargeId: charge.id, returnUrl: `${env.SITE_URL.replace(/\/$/, '')}${orderUrl}` });
  },
  revalidate: ({ locale, number }) => revalidatePath(orderPaths.order(locale, number)),
  redirect: (_input, next) => next,
});

/** QC "More photos", paid from the wallet: the item's open charge (made or reused), then the balance pays it once. */
export const morePhotosFromWalletAction = action({
  name: 'qc more photos (wallet)',
  input: itemInput,
  auth: itemOwner,
  run: async ({ number, itemId }, { user }) => {
    const charge = await requestMorePhotos(getDb(), { owner: { userId: user.id }, itemId, orderNumber: number, actor: userActor(user) });
    if (charge.status === 'open') await payServiceChargeFromWallet(getDb(), { userId: user.id, serviceChargeId: charge.id, actor: userActor(user) });
  },
  revalidate: ({ locale, number }) => revalidatePath(orderPaths.order(locale, number)),
  redirect: ({ locale, number }) => `${orderPaths.order(locale, number)}?photos=granted`,
});
