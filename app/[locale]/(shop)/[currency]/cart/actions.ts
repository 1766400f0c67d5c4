'use server';

import { revalidatePath } from 'next/cache';
import { action } from '@/lib/actions';
import { addToCart } from '@/lib/cart/add-to-cart';
import { cartOwnerForWrite, currentCartOwner } from '@/lib/cart/cart-owner';
import { cartErrorMessage } from '@/lib/cart/error-message';
import { cartPaths } from '@/lib/cart/paths';
import { removeCartLine } from '@/lib/cart/remove-cart-line';
import { addToCartForm, removeCartLineForm, updateCartLineForm } from '@/lib/cart/schemas';
import { updateCartLine } from '@/lib/cart/update-cart-line';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';

// The cart is the session's or the guest cookie's (lib/cart/cart-owner), so these actions are open
// to guests; refusals come back as a sentence in the shopper's language, shown by the form (role=alert).

async function existingCartOwner() {
  const owner = await currentCartOwner();
  if (!owner) throw new AppError('not_found', 'No cart');
  return owner;
}

const revalidateCart = ({ locale, currency }: { locale: string; currency: string }) => revalidatePath(cartPaths.cartRoute(locale, currency));

export const addToCartAction = action({
  name: 'cart add',
  input: addToCartForm,
  auth: { public: true },
  run: async ({ skuId, quantity }) => ({ quantity: (await addToCart(getDb(), await cartOwnerForWrite(), { skuId, quantity })).quantity }),
  revalidate: revalidateCart,
  describe: cartErrorMessage,
});

export const updateCartLineAction = action({
  name: 'cart update',
  input: updateCartLineForm,
  auth: { public: true },
  run: async ({ lineId, quantity, remark }) => ({ quantity: (await updateCartLine(getDb(), await existingCartOwner(), lineId, { quantity, remark: remark ?? null })).quantity }),
  revalidate: revalidateCart,
  describe: cartErrorMessage,
  // A refused save gives back what was typed, so the form does not lose the note or the quantity.
  echo: ['quantity', 'remark'],
});

export const removeCartLineAction = action({
  name: 'cart remove',
  input: removeCartLineForm,
  auth: { public: true },
  run: async ({ lineId }) => {
    await removeCartLine(getDb(), await existingCartOwner(), lineId);
    return { quantity: 0 };
  },
  revalidate: revalidateCart,
  describe: cartErrorMessage,
});
