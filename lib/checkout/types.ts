import type { ShippingAddress } from '@/db/schema/orders';
import type { CurrencyCode } from '@/lib/money/currencies';
import type { GatewayName, OrderSummary, ValueAddedService } from '@/lib/orders/types';

/** Who places the order: a signed-in shopper or a partner through the open API. */
export type Customer =
  | { type: 'user'; userId: number; email: string }
  | { type: 'partner'; partnerKeyId: string; externalRef?: string | null };

export type PlaceOrderInput = {
  items: { skuId: number; quantity: number; remark?: string | null }[];
  currency: CurrencyCode;
  shippingAddress: ShippingAddress;
  valueAddedServices?: ValueAddedService[];
  /** Defaults to PAYMENT_GATEWAY. */
  gateway?: GatewayName;
  /** Double submits (the same checkout page, the same partner Idempotency-Key) yield one order. */
  checkoutToken: string;
  locale: string;
  customer: Customer;
  /** The CNY→currency rate the shopper was shown; a different current rate beyond the limit is "prices moved". */
  quotedRate?: string;
};

export type PlacedOrder = {
  order: OrderSummary;
  /** False when an earlier submit with the same checkout token already made this order. */
  created: boolean;
  /** True when Redis could not be used and stock was checked by the database alone (slower, still safe). */
  degraded: boolean;
};
