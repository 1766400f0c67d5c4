import 'server-only';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { orders, reconciliationItems, reconciliationRuns, users } from '@/db/schema';
import type { Database } from '@/lib/db';

export const RUNS_PAGE_SIZE = 30;
/** A day's items shown at once, open ones first: a day with more has bigger problems than a long page. */
export const ITEMS_SHOWN = 500;

/** The reconciled days, newest first, with their counts and how many items are still open. */
export async function listReconciliationRuns(db: Database, page: number) {
  const openItems = sql<number>`(select count(*) from ${reconciliationItems} where ${reconciliationItems.runId} = ${reconciliationRuns.id} and ${reconciliationItems.status} = 'open')`.mapWith(Number);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: reconciliationRuns.id,
        day: reconciliationRuns.day,
        gateway: reconciliationRuns.gateway,
        source: reconciliationRuns.source,
        status: reconciliationRuns.status,
        matchedCount: reconciliationRuns.matchedCount,
        movementCount: reconciliationRuns.movementCount,
        itemCount: reconciliationRuns.itemCount,
        mismatchRate: reconciliationRuns.mismatchRate,
        isAlert: reconciliationRuns.isAlert,
        finishedAt: reconciliationRuns.finishedAt,
        openItems,
      })
      .from(reconciliationRuns)
      .orderBy(desc(reconciliationRuns.day), asc(reconciliationRuns.source))
      .limit(RUNS_PAGE_SIZE)
      .offset((page - 1) * RUNS_PAGE_SIZE),
    db.select({ total: count() }).from(reconciliationRuns),
  ]);
  return { rows, total: total?.total ?? 0 };
}

/** One run with its items (open first, then by kind), the explaining user's email beside each explained one. */
export async function getReconciliationRun(db: Database, id: number) {
  const [run] = await db.select().from(reconciliationRuns).where(eq(reconciliationRuns.id, id));
  if (!run) return null;
  const items = await db
    .select({
      id: reconciliationItems.id,
      kind: reconciliationItems.kind,
      category: reconciliationItems.category,
      balanceTransactionId: reconciliationItems.balanceTransactionId,
      chargeId: reconciliationItems.chargeId,
      paymentIntentId: reconciliationItems.paymentIntentId,
      ledgerTransactionId: reconciliationItems.ledgerTransactionId,
      orderId: reconciliationItems.orderId,
      orderNumber: orders.number,
      gatewayAmountMinor: reconciliationItems.gatewayAmountMinor,
      gatewayCurrency: reconciliationItems.gatewayCurrency,
      ledgerAmountMinor: reconciliationItems.ledgerAmountMinor,
      ledgerCurrency: reconciliationItems.ledgerCurrency,
      status: reconciliationItems.status,
      note: reconciliationItems.note,
      explainedAt: reconciliationItems.explainedAt,
      explainedBy: users.email,
    })
    .from(reconciliationItems)
    .leftJoin(users, eq(users.id, reconciliationItems.explainedBy))
    .leftJoin(orders, eq(orders.id, reconciliationItems.orderId))
    .where(eq(reconciliationItems.runId, id))
    .orderBy(desc(sql`${reconciliationItems.status} = 'open'`), asc(reconciliationItems.kind), asc(reconciliationItems.id))
    .limit(ITEMS_SHOWN);
  const totals = run.totals ? (JSON.parse(run.totals) as Record<string, { grossMinor: number; feeMinor: number; mismatchedMinor: number; movements: number }>) : {};
  return { run, totals, items };
}
