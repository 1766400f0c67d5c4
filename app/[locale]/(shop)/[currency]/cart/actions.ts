'use server';

import { revalidatePath } from 'next/cache';
import type { CartActionState } from '@/lib/cart/action-state';
import { addToCart } from '@/lib/cart/add-to-cart';
import { cartOwnerForWrite, currentCartOwner } from '@/lib/cart/cart-owner';
import { cartErrorMessage } from '@/lib/cart/error-message';
import { cartPaths } from '@/lib/cart/paths';
import { removeCartLine } from '@/lib/cart/remove-cart-line';
import { addToCartForm, formFields, removeCartLineForm, updateCartLineForm } from '@/lib/cart/schemas';
import { updateCartLine } from '@/lib/cart/update-cart-line';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';

// Each action: zod → the cart's owner (the session or the guest cookie) → one lib/cart call → revalidate.
// Errors come back as a message in the shopper's language; the form shows it (role=alert).

const invalid = () => new AppError('validation_failed', 'Invalid form');
function localeOf(formData: FormData): string {
  const locale = formData.get('locale');
  return typeof locale === 'string' && isLocale(locale) ? locale : defaultLocale;
}

export async function addToCartAction(_previous: CartActionState, formData: FormData): Promise<CartActionState> {
  const input = addToCartForm.safeParse(formFields(formData));
  try {
    if (!input.success) throw invalid();
    const owner = await cartOwnerForWrite();
    const result = await addToCart(getDb(), owner, { skuId: input.data.skuId, quantity: input.data.quantity });
    revalidatePath(cartPaths.cartRoute(input.data.locale, input.data.currency));
    return { status: 'ok', at: Date.now(), quantity: result.quantity };
  } catch (error) {
    return { status: 'error', at: Date.now(), message: await cartErrorMessage(error, localeOf(formData)) };
  }
}

export async function updateCartLineAction(_previous: CartActionState, formData: FormData): Promise<CartActionState> {
  const input = updateCartLineForm.safeParse(formFields(formData));
  try {
    if (!input.success) throw invalid();
    const owner = await currentCartOwner();
    if (!owner) throw new AppError('not_found', 'No cart');
    const { lineId, quantity, remark } = input.data;
    const result = await updateCartLine(getDb(), owner, lineId, { quantity, remark: remark ?? null });
    revalidatePath(cartPaths.cartRoute(input.data.locale, input.data.currency));
    return { status: 'ok', at: Date.now(), quantity: result.quantity };
  } catch (error) {
    return { status: 'error', at: Date.now(), message: await cartErrorMessage(error, localeOf(formData)) };
  }
}

export async function removeCartLineAction(_previous: CartActionState, formData: FormData): Promise<CartActionState> {
  const input = removeCartLineForm.safeParse(formFields(formData));
  try {
    if (!input.success) throw invalid();
    const owner = await currentCartOwner();
    if (!owner) throw new AppError('not_found', 'No cart');
    await removeCartLine(getDb(), owner, input.data.lineId);
    revalidatePath(cartPaths.cartRoute(input.data.locale, input.data.currency));
    return { status: 'ok', at: Date.now(), quantity: 0 };
  } catch (error) {
    return { status: 'error', at: Date.now(), message: await cartErrorMessage(error, localeOf(formData)) };
  }
}
