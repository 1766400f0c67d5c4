import type { GatewayName } from '@/lib/orders/types';

export type PayableOrder = {
  number: string;
  chargeMinor: number;
  chargeCurrency: string;
  gatewayPaymentId: string | null;
  /**
   * Set when the payment is a price-difference request's (lib/purchasing), not the order's own:
   * it travels in the payment's metadata so the webhook credits the request, never the order.
   */
  priceDifferenceId?: number;
  /** Set for a paid service asked after checkout (more QC photos): the webhook credits that charge (`service_charge_id`). */
  serviceChargeId?: number;
  /**
   * Set for a wallet top-up (then `number` is the top-up's random reference, not an order's): the
   * payment carries `wallet_topup_id` and no order number, and the webhook credits the wallet.
   */
  walletTopupId?: number;
  /**
   * An order's part already paid from the shopper's balance: `chargeMinor` is then the rest, and the
   * payment is a new one (its idempotency key names the part), never the whole charge again.
   */
  walletPaidMinor?: number;
  /**
   * Set for a parcel's shipping (then `number` is the parcel's number): `parcelCharge` says whether
   * this is the parcel's price or its settlement top-up after packing. Carries `parcel_id`.
   */
  parcelId?: number;
  parcelCharge?: 'parcel' | 'topup';
};

export type StartedPayment = {
  /** The gateway's payment id (a PaymentIntent id). */
  paymentId: string;
  /** Where the payer goes next: the gateway's hosted page, or Ferry's card page for Stripe. */
  redirectUrl: string;
};

/**
 * Where a started payment stands at the gateway: still `open` to pay (or declined, the payer may
 * try again), `processing` (approved slowly, or paid and the webhook not yet in), `succeeded`, or
 * `failed` for good (cancelled, expired).
 */
export type PaymentProgress = 'open' | 'processing' | 'succeeded' | 'failed';

/**
 * What Ferry asks of a payment gateway. Callbacks are not part of it: every card gateway speaks
 * Stripe's webhook format (lib/payments/webhook) and cash on delivery has none.
 */
export type PaymentGateway = {
  name: GatewayName;
  /** Idempotent per order: opening the pay page twice reuses the same payment. */
  startPayment(order: PayableOrder, returnUrl: string): Promise<StartedPayment>;
  /** Asks the gateway itself, so a shopper's return URL is never taken at its word. */
  paymentProgress(paymentId: string): Promise<PaymentProgress>;
  /**
   * `idempotencyKey`: what makes a retried refund the same refund. Without it, one refund per
   * payment and amount; a refund of one of several equal items names its item, so the second
   * item's equal refund is not taken for a retry of the first.
   */
  refund(paymentId: string, amountMinor: number, options?: { idempotencyKey?: string }): Promise<{ refundId: string }>;
  /**
   * Withdraws a payment that was started but not made (the shopper cancels the order): afterwards
   * nobody can pay it. `already_paid` when the payer finished (or is finishing) it first: the order
   * must then wait for its webhook instead of being cancelled.
   */
  cancelPayment(paymentId: string): Promise<'cancelled' | 'already_paid'>;
};
