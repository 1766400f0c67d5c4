import 'server-only';
import { randomUUID } from 'node:crypto';
import { placeOrder } from '@/lib/checkout/place-order';
import { AppError, isAppError } from '@/lib/errors';
import type { ApiDeps } from './authenticate';
import { parseCreateOrderRequest } from './order-request';
import type { Partner } from './partner-keys';
import { serializePlacedOrder, type ApiPlacedOrder } from './serialize';
import { sha256Hex } from './signature';

const CHECKOUT_TOKEN_MAX = 100; // orders.checkout_token

/**
 * `api:<keyId>:<Idempotency-Key>` makes a partner's retries one order even when the idempotency
 * row is gone; a key too long for the column is replaced by its hash.
 */
export function partnerCheckoutToken(keyId: string, idempotencyKey: string | null): string {
  const token = `api:${keyId}:${idempotencyKey ?? randomUUID()}`;
  return token.length <= CHECKOUT_TOKEN_MAX ? token : `api:${keyId}:~${sha256Hex(idempotencyKey ?? '').slice(0, CHECKOUT_TOKEN_MAX - keyId.length - 6)}`;
}

export async function createPartnerOrder(
  deps: ApiDeps,
  siteUrl: string,
  partner: Partner,
  body: unknown,
  idempotencyKey: string | null,
): Promise<{ order: ApiPlacedOrder; degraded: boolean }> {
  const request = parseCreateOrderRequest(body);
  try {
    const placed = await placeOrder(deps, {
      items: request.items,
      currency: request.currency,
      shippingAddress: request.shippingAddress,
      checkoutToken: partnerCheckoutToken(partner.keyId, idempotencyKey),
      locale: 'en',
      customer: { type: 'partner', partnerKeyId: partner.keyId, externalRef: request.externalRef },
    });
    return { order: serializePlacedOrder(siteUrl, placed.order), degraded: placed.degraded };
  } catch (error) {
    // An unknown or withdrawn SKU is invalid input to this endpoint, not a missing resource.
    if (isAppError(error) && error.code === 'not_found') throw new AppError('validation_failed', error.message, { field: 'items', ...error.details });
    throw error;
  }
}
