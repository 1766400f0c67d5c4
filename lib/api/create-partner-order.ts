import 'server-only';
import { randomUUID } from 'node:crypto';
import { placeOrder } from '@/lib/checkout/place-order';
import { AppError, isAppError } from '@/lib/errors';
import type { ApiDeps } from './authenticate';
import { parseCreateOrderRequest } from './order-request';
import type { Partner } from './partner-keys';
import { serializePlacedOrder, type ApiPlacedOrder } from './serialize';

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
      // The Idempotency-Key makes a partner's retries one order even when the idempotency row is
      // gone; placeOrder keeps it inside this partner's namespace (lib/checkout/checkout-key.ts).
      checkoutToken: idempotencyKey ?? randomUUID(),
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
