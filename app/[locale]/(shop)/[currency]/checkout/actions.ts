'use server';

import { refresh, revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { action } from '@/lib/actions';
import { addressFields } from '@/lib/addresses/address-schema';
import { accountPaths } from '@/lib/auth/paths';
import { clientIp } from '@/lib/http/client-ip';
import { checkOutCart } from '@/lib/checkout/check-out-cart';
import { cartPaths } from '@/lib/cart/paths';
import { checkoutDeps } from '@/lib/checkout/checkout-deps';
import { checkoutErrorMessage } from '@/lib/checkout/checkout-error-message';
import { checkoutSubmission, readCheckoutForm } from '@/lib/checkout/checkout-form';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { orderPaths } from '@/lib/orders/paths';
import { paymentUrl } from '@/lib/payments/pay-link';
import { payOrderFromWallet } from '@/lib/payments/pay-order-from-wallet';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { getRedis } from '@/lib/redis';

/**
 * The checkout page's submit: zod (the form, and a new address by its country's rules) → the
 * signed-in user (signed out → the sign-in page) → checkOutCart (rate limit per account and IP,
 * then placeOrder with the page's checkout token and quoted rate) → revalidate the cart → the pay
 * link (card) or the order page (cash on delivery). A refusal comes back as a sentence with the
 * typed address; prices_moved and cart_changed also refresh the page, so it shows the new rate or
 * cart (and a new checkout token) for the shopper to confirm again.
 */
export const placeOrderAction = action({
  name: 'place order',
  input: checkoutSubmission,
  read: readCheckoutForm,
  auth: { user: true, signedOutRedirect: ({ locale }) => accountPaths.signIn(locale, cartPaths.checkout(locale)) },
  run: async ({ locale, currency, checkoutToken, quotedRate, cartSignature, address, services, payment, useWallet }, { user }) => {
    let placed;
    try {
      placed = await checkOutCart(checkoutDeps(), {
        user: { id: user.id, email: user.email },
        cartSignature,
        address,
        currency,
        locale,
        valueAddedServices: services,
        payment,
        checkoutToken,
        quotedRate,
        ip: clientIp(await headers()) ?? undefined,
      });
    } catch (error) {
      if (isAppError(error) && (error.code === 'prices_moved' || error.details?.reason === 'cart_changed')) refresh();
      throw error;
    }
    // The order exists: a balance that cannot pay (spent meanwhile) leaves it to the card, never fails the checkout.
    if (useWallet === 'on' && payment === 'card') {
      try {
        const paid = await payOrderFromWallet(getDb(), getRedis(), { userId: user.id, orderNumber: placed.order.number, actor: userActor(user) });
        return { ...placed, isPaidFromWallet: paid.outcome === 'paid' };
      } catch (error) {
        console.warn(`[checkout] the balance did not pay order ${placed.order.number}:`, (error as Error).message);
      }
    }
    return { ...placed, isPaidFromWallet: false };
  },
  revalidate: ({ locale, currency }) => revalidatePath(cartPaths.cartRoute(locale, currency)),
  redirect: ({ locale }, placed) =>
    placed.isPaidFromWallet
      ? `${orderPaths.order(locale, placed.order.number)}?payment=wallet`
      : placed.order.gateway === 'cod'
        ? orderPaths.order(locale, placed.order.number)
        : paymentUrl(getEnv().SITE_URL, placed.order),
  describe: checkoutErrorMessage,
  echo: addressFields,
});
