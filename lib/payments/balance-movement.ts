/**
 * A money movement at a card gateway (one balance transaction), in Ferry's words: what
 * reconciliation (lib/finance/reconcile) compares with the payment ledger. Amounts are integer
 * minor units; currencies upper-case ISO codes.
 */
export type GatewayMovement = {
  /** The balance transaction (`txn_…`). */
  id: string;
  /** Stripe's `reporting_category`: an open set (`charge`, `refund`, `dispute`, …). */
  category: string;
  createdAt: Date;
  /** Signed, in the balance currency (a refund is negative). */
  amountMinor: number;
  feeMinor: number;
  currency: string;
  /**
   * What the payer was charged or refunded (the charge's or refund's own amount and currency),
   * which is what Ferry's ledger records. Equal to the balance amount unless the gateway converted.
   */
  presentment: { amountMinor: number; currency: string };
  /** The charge (`ch_…`): the source of a charge, the charge a refund refunds. */
  chargeId: string | null;
  /** The PaymentIntent (`pi_…`) the charge belongs to: what a ledger charge row is named by. */
  paymentIntentId: string | null;
  /** `source` as the gateway names it (`ch_…`, `re_…`, `du_…`). */
  sourceId: string | null;
};
