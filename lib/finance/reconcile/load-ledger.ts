import 'server-only';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { paymentLedger } from '@/db/schema';
import type { Database } from '@/lib/db';
import type { LedgerRow } from './movement';

/**
 * A webhook is processed a moment after the gateway's movement: ledger rows written this long after
 * the day's end may still match the day's movements (left over, they belong to the next day).
 */
export const LEDGER_LAG_MS = 10 * 60_000;

/**
 * The gateway's charge and refund rows written in [start, end + lag), one query on the
 * (gateway, created_at) index. Flagged rows count too: the money moved even when the order did not.
 */
export async function loadLedgerRows(db: Database, gateway: string, range: { start: Date; end: Date }): Promise<LedgerRow[]> {
  const rows = await db
    .select({
      id: paymentLedger.id,
      orderId: paymentLedger.orderId,
      kind: paymentLedger.kind,
      transactionId: paymentLedger.transactionId,
      amountMinor: paymentLedger.amountMinor,
      currency: paymentLedger.currency,
      createdAt: paymentLedger.createdAt,
    })
    .from(paymentLedger)
    .where(and(eq(paymentLedger.gateway, gateway), inArray(paymentLedger.kind, ['charge', 'refund']), gte(paymentLedger.createdAt, range.start), lt(paymentLedger.createdAt, new Date(range.end.getTime() + LEDGER_LAG_MS))));
  return rows as LedgerRow[];
}
