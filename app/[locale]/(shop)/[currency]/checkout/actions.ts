'use server';

import { refresh, revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { addressFieldErrors, shippingAddressSchema, type AddressField, type ShippingAddress } from '@/lib/addresses/address-schema';
import { accountPaths } from '@/lib/auth/paths';
import { clientIp } from '@/lib/auth/rate-limit';
import { getCurrentUser } from '@/lib/auth/session';
import { checkOutCart } from '@/lib/cart/check-out-cart';
import { cartErrorMessage } from '@/lib/cart/error-message';
import { cartPaths } from '@/lib/cart/paths';
import { formFields } from '@/lib/cart/schemas';
import { checkoutDeps } from '@/lib/checkout/checkout-deps';
import { addressValues, checkoutForm, type CheckoutFormState } from '@/lib/checkout/checkout-form';
import type { PlacedOrder } from '@/lib/checkout/types';
import { getEnv } from '@/lib/env';
import { AppError, isAppError } from '@/lib/errors';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { orderPaths } from '@/lib/orders/paths';
import { paymentUrl } from '@/lib/payments/pay-link';

/**
 * The checkout page's submit: zod (the form, then the new address by its country's rules) → the
 * signed-in user → checkOutCart (rate limit per account and IP, then placeOrder with the page's
 * checkout token and quoted rate) →
 * revalidate the cart → the pay link (card) or the order page (cash on delivery).
 * A refusal comes back as form state; prices_moved and cart_changed also refresh the page, so it
 * shows the new rate or cart (and a new checkout token) for the shopper to confirm again.
 */
export async function placeOrderAction(_previous: CheckoutFormState, formData: FormData): Promise<CheckoutFormState> {
  const rawLocale = formData.get('locale');
  const locale = typeof rawLocale === 'string' && isLocale(rawLocale) ? rawLocale : defaultLocale;
  const values = addressValues(formData);
  const at = Date.now();
  const refused = async (error: unknown): Promise<CheckoutFormState> => ({ status: 'error', at, values, message: await cartErrorMessage(error, locale) });

  const form = checkoutForm.safeParse({ ...formFields(formData), services: formData.getAll('services') });
  if (!form.success) return refused(new AppError('validation_failed', 'Invalid checkout form'));
  const { currency, checkoutToken, quotedRate, cartSignature, addressId, services, payment } = form.data;

  const user = await getCurrentUser();
  if (!user) redirect(accountPaths.signIn(locale, cartPaths.checkout(locale)));

  let address: { addressId: number } | { address: ShippingAddress };
  if (addressId === 'new') {
    const parsed = shippingAddressSchema.safeParse(values);
    if (!parsed.success) {
      const te = await getTranslations({ locale, namespace: 'addressErrors' });
      const tc = await getTranslations({ locale, namespace: 'checkout' });
      const fieldErrors = Object.fromEntries(Object.entries(addressFieldErrors(parsed.error)).map(([field, key]) => [field, te(key)])) as Partial<
        Record<AddressField, string>
      >;
      return { status: 'error', at, values, fieldErrors, message: tc('fixAddress') };
    }
    address = { address: parsed.data };
  } else {
    address = { addressId: Number(addressId) };
  }

  let placed: PlacedOrder;
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
      ip: clientIp(await headers()),
    });
  } catch (error) {
    if (isAppError(error) && (error.code === 'prices_moved' || error.details?.reason === 'cart_changed')) refresh();
    return refused(error);
  }
  revalidatePath(cartPaths.cartRoute(locale, currency));
  redirect(placed.order.gateway === 'cod' ? orderPaths.order(locale, placed.order.number) : paymentUrl(getEnv().SITE_URL, placed.order));
}
