/**
 * What reconciliation compares: the gateway's money movements of a day (from its balance
 * transactions or a settlement report, reshaped to GatewayMovement) against the payment ledger's
 * rows. Amounts are integer minor units; currencies upper-case ISO codes.
 */
export type { GatewayMovement } from '@/lib/payments/balance-movement';

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
