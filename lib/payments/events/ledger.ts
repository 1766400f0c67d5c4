import { eq } from 'drizzle-orm';
import { orders, paymentLedger, type LedgerKind } from '@/db/schema';
import type { Executor } from '@/lib/inventory/db-stock';


/**
 * Appends a ledger row; false if (gateway, transaction id, kind) is already there — the same
 * payment reported again under another event id. INSERT IGNORE keeps the transaction alive.
 */
export async function appendLedger(
  tx: Executor,
  row: { orderId: number; gateway: string; transactionId: string; kind: LedgerKind; amountMinor: number; currency: string; eventId: string; flagReason?: string | null },
): Promise<boolean> {
  const [result] = await tx
    .insert(paymentLedger)
    .ignore()
    .values({ ...row, status: row.flagReason ? 'flagged' : 'recorded', flagReason: row.flagReason ?? null });
  return result.affectedRows === 1;
}

export async function orderForPayment(tx: Executor, number: string) {
  const [order] = await tx
    .select({ id: orders.id, status: orders.status, chargeMinor: orders.chargeMinor, chargeCurrency: orders.chargeCurrency, gateway: orders.gateway })
    .from(orders)
    .where(eq(orders.number, number))
    .for('update');
  return order ?? null;
}
