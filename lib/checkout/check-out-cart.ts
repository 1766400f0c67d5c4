import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines } from '@/db/schema/carts';
import type { ShippingAddress } from '@/db/schema/orders';
import { addressFields } from '@/lib/addresses/address-schema';
import { createAddress, getAddress, listAddresses, MAX_ADDRESSES_PER_USER } from '@/lib/addresses/address-book';
import { getCart } from '@/lib/cart/get-cart';
import type { CartLine } from '@/lib/cart/types';
import type { ValueAddedService } from '@/lib/orders/types';
import { getEnv } from '@/lib/env';
import { AppError, isAppError } from '@/lib/errors';
import type { CurrencyCode } from '@/lib/money/currencies';
import { findOrderByToken } from '@/lib/orders/queries/find-order';
import { checkoutKey } from './checkout-key';
import { placeOrder, type CheckoutDeps } from './place-order';
import type { PlacedOrder } from './types';

export type CheckOutCartInput = {
  user: { id: number; email: string };
  /** cartSignature of the cart the checkout page showed. */
  cartSignature: string;
  /** One of the user's saved addresses, or a new one already checked by shippingAddressSchema. */
  address: { addressId: number } | { address: ShippingAddress; save?: boolean };
  currency: CurrencyCode;
  locale: string;
  valueAddedServices: ValueAddedService[];
  payment: 'card' | 'cod';
  checkoutToken: string;
  /** The rate the page displayed. */
  quotedRate?: string;
  /** The shopper's address, for the per-IP checkout limit. */
  ip?: string;
};

/**
 * A signed-in shopper's checkout: the cart becomes an order through placeOrder (the same path as
 * the open API), then the purchased units leave the cart.
 * - A second submit of the same page (same checkout token) returns the first order untouched.
 * - Other submits count against the `checkout` rate limit (per account and IP) when `deps.limiter`
 *   is given: over it → AppError('rate_limited'), nothing held or written.
 * - The cart must still be what the page showed (same SKUs and quantities), else AppError('conflict')
 *   with reason `cart_changed`: nothing is bought unseen.
 * - out_of_stock and not_found from placeOrder carry the line's `title`, so the page can name it.
 */
export async function checkOutCart(deps: CheckoutDeps, input: CheckOutCartInput): Promise<PlacedOrder> {
  const { db } = deps;
  const earlier = await findOrderByToken(db, checkoutKey({ type: 'user', userId: input.user.id, email: input.user.email }, input.checkoutToken));
  if (earlier) return { order: earlier, created: false, degraded: false };
  if (deps.limiter && !(await deps.limiter.check({ user: String(input.user.id), ...(input.ip ? { ip: input.ip } : {}) }))) {
    throw new AppError('rate_limited', 'Too many checkout attempts; wait a few minutes and try again');
  }

  const cart = await getCart(db, { kind: 'user', userId: input.user.id }, input.locale);
  if (cart.lines.length === 0) throw new AppError('validation_failed', 'Your cart is empty', { reason: 'cart_empty' });
  if (cart.signature !== input.cartSignature) {
    throw new AppError('conflict', 'Your cart changed since this page was shown; review it and confirm again', { reason: 'cart_changed' });
  }
  const shippingAddress = 'addressId' in input.address ? toShippingAddress(await getAddress(db, input.user.id, input.address.addressId)) : input.address.address;

  let placed: PlacedOrder;
  try {
    placed = await placeOrder(deps, {
      items: cart.lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity, remark: line.remark })),
      currency: input.currency,
      shippingAddress,
      valueAddedServices: input.valueAddedServices,
      gateway: input.payment === 'cod' ? 'cod' : (deps.env ?? getEnv()).PAYMENT_GATEWAY,
      checkoutToken: input.checkoutToken,
      locale: input.locale,
      customer: { type: 'user', userId: input.user.id, email: input.user.email },
      quotedRate: input.quotedRate,
    });
  } catch (error) {
    throw withLineTitle(error, cart.lines);
  }
  if (placed.created) await removePurchased(db, cart.lines);
  if (placed.created && 'address' in input.address && input.address.save) await keepAddress(db, input.user.id, input.address.address);
  return placed;
}

/**
 * A new address typed at checkout goes to the address book (the form's box, ticked by default),
 * unless the book already holds the same address or is full. The order is placed either way: a
 * failure here is logged, never shown as a failed checkout.
 */
async function keepAddress(db: Database, userId: number, address: ShippingAddress): Promise<void> {
  try {
    const saved = await listAddresses(db, userId);
    const same = (a: ShippingAddress) => addressFields.every((field) => (a[field] ?? '') === (address[field] ?? ''));
    if (saved.some(same) || saved.length >= MAX_ADDRESSES_PER_USER) return;
    await createAddress(db, userId, address);
  } catch (error) {
    console.error(`[checkout] the address of user ${userId} could not be saved to the address book:`, (error as Error).message);
  }
}


function toShippingAddress(saved: ShippingAddress & { id: number; isDefault: boolean }): ShippingAddress {
  const { name, line1, line2, city, region, postalCode, country, phone } = saved;
  return { name, line1, line2, city, region, postalCode, country, phone };
}

function withLineTitle(error: unknown, lines: readonly CartLine[]): unknown {
  if (!isAppError(error) || (error.code !== 'out_of_stock' && error.code !== 'not_found')) return error;
  const line = lines.find((l) => l.skuId === error.details?.skuId);
  return line ? new AppError(error.code, error.message, { ...error.details, title: line.title, lineId: line.id }) : error;
}

/** Takes the bought units out of the cart; a line another tab raised meanwhile keeps the difference. */
async function removePurchased(db: Database, lines: readonly CartLine[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const line of lines) {
      await tx
        .update(cartLines)
        .set({ quantity: sql`${cartLines.quantity} - ${line.quantity}` })
        .where(eq(cartLines.id, line.id));
      await tx.delete(cartLines).where(and(eq(cartLines.id, line.id), lte(cartLines.quantity, 0)));
    }
  });
}
