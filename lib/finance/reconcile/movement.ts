/**
 * What reconciliation compares: the gateway's money movements of a day (from its balance
 * transactions or a settlement report, reshaped to this) against the payment ledger's rows.
 * Amounts are integer minor units; currencies upper-case ISO codes.
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

/** A payment_ledger row of kind charge or refund. A refund row's transaction id is `<charge id>:<refunded total>`. */
export type LedgerRow = {
  id: number;
  orderId: number;
  kind: 'charge' | 'refund';
  transactionId: string;
  amountMinor: number;
  currency: string;
  createdAt: Date;
};

/** The CLI's and the run's lists (README: "finance reconcile"). */
export type MissingInLedger = {
  balanceTransactionId: string;
  category: string;
  amountMinor: number;
  currency: string;
  chargeId: string | null;
  paymentIntentId: string | null;
  sourceId: string | null;
};

export type MissingInSettlement = { ledgerId: number; orderId: number; kind: 'charge' | 'refund'; transactionId: string; amountMinor: number; currency: string };

export type AmountMismatch = {
  balanceTransactionId: string;
  ledgerId: number;
  orderId: number;
  transactionId: string;
  /** `amount`: same currency, another amount; `currency`: the currencies differ. */
  kind: 'amount' | 'currency';
  gateway: { amountMinor: number; currency: string };
  ledger: { amountMinor: number; currency: string };
};

export type CurrencyTotals = { grossMinor: number; feeMinor: number; mismatchedMinor: number; movements: number };
