import 'server-only';
import type { Executor } from '@/lib/db/executor';
import { appendLedger, type LedgerRates } from '@/lib/ledger/append-ledger';

/** The ledger's transaction id of a wallet movement, and the payment id it leaves on what it paid (`gateway_payment_id`): never a gateway's, so no card refund is tried for it. */
export const walletPaymentId = (source: string) => `wallet:${source}`;

/**
 * Money of an order (or a parcel's shipping) that moved through the balance, in the payment ledger beside the gateways'
 * (`gateway = 'wallet'`): a charge when the balance paid the order or something it owes, a refund
 * when money went back to the balance. Revenue and refunds read one table; reconciliation with a
 * gateway never sees these rows. Unique on its source, so a replay writes nothing.
 */
export function recordWalletLedger(
  tx: Executor,
  row: { orderId: number | null; userId: number; kind: 'charge' | 'refund'; source: string; amountMinor: number; currency: string },
  /** For money of no order (a parcel's shipping): the rates it was priced at. */
  rates?: LedgerRates | null,
): Promise<boolean> {
  const transactionId = walletPaymentId(row.source);
  return appendLedger(tx, { orderId: row.orderId, userId: row.userId, gateway: 'wallet', transactionId, kind: row.kind, amountMinor: row.amountMinor, currency: row.currency, eventId: transactionId }, rates);
}
