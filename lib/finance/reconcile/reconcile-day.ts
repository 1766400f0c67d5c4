import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reconciliationItems, reconciliationRuns, type ReconciliationSource } from '@/db/schema';
import type { Database } from '@/lib/db';
import { claimRun } from './claim-run';
import { dayBounds } from './day';
import { contractLists, DayReconciler, type DayDiff, type DiffItem } from './diff';
import { loadLedgerRows } from './load-ledger';
import type { AmountMismatch, GatewayMovement, MissingInLedger, MissingInSettlement } from './movement';

const INSERT_BATCH = 2_000;

/** What `ferry finance reconcile` prints (PRODUCT.md's contract). */
export type ReconcileOutput = {
  matched: number;
  missingInLedger: MissingInLedger[];
  missingInSettlement: MissingInSettlement[];
  amountMismatches: AmountMismatch[];
  mismatchRate: number;
  alert: boolean;
};

export type ReconcileDayInput = {
  day: string;
  gateway: 'sandbox' | 'stripe';
  source: ReconciliationSource;
  movements: AsyncIterable<GatewayMovement> | Iterable<GatewayMovement>;
  fileName?: string;
  /** `claim` for the daily job (skips a day already run), `replace` for a run asked by hand. */
  mode?: 'claim' | 'replace';
};

/**
 * Reconciles one UTC day: the ledger's rows of the day in maps, the gateway's movements streamed
 * through them (a settlement file's rows of other days are skipped), the diff stored in one
 * transaction as the run's items (in batches), replacing an earlier run of the same day and
 * source — an item that was explained and is found again keeps its explanation. Null when the
 * daily job finds the day already claimed.
 */
export async function reconcileDay(db: Database, input: ReconcileDayInput): Promise<{ runId: number; output: ReconcileOutput; diff: DayDiff } | null> {
  const key = { day: input.day, gateway: input.gateway, source: input.source };
  const runId = await claimRun(db, key, input.mode ?? 'replace', input.fileName);
  if (runId === null) return null;
  try {
    const range = dayBounds(input.day);
    const reconciler = new DayReconciler(await loadLedgerRows(db, input.gateway, range), range.end);
    for await (const movement of input.movements) {
      if (movement.createdAt < range.start || movement.createdAt >= range.end) continue;
      reconciler.add(movement);
    }
    const diff = reconciler.finish();
    await storeDiff(db, runId, diff);
    return { runId, diff, output: { matched: diff.matched, ...contractLists(diff.items), mismatchRate: roundRate(diff.mismatchRate), alert: diff.alert } };
  } catch (error) {
    await db
      .update(reconciliationRuns)
      .set({ status: 'failed', error: ((error as Error).message ?? String(error)).slice(0, 255), finishedAt: new Date() })
      .where(eq(reconciliationRuns.id, runId))
      .catch(() => undefined);
    throw error;
  }
}

const roundRate = (rate: number) => Math.round(rate * 1e6) / 1e6;

async function storeDiff(db: Database, runId: number, diff: DayDiff): Promise<void> {
  await db.transaction(async (tx) => {
    const explained = await tx
      .select({ itemKey: reconciliationItems.itemKey, note: reconciliationItems.note, explainedBy: reconciliationItems.explainedBy, explainedAt: reconciliationItems.explainedAt })
      .from(reconciliationItems)
      .where(and(eq(reconciliationItems.runId, runId), eq(reconciliationItems.status, 'explained')));
    const kept = new Map(explained.map((row) => [row.itemKey, row]));
    await tx.delete(reconciliationItems).where(eq(reconciliationItems.runId, runId));
    for (let at = 0; at < diff.items.length; at += INSERT_BATCH) {
      await tx.insert(reconciliationItems).values(diff.items.slice(at, at + INSERT_BATCH).map((item) => itemRow(runId, item, kept.get(item.key))));
    }
    await tx
      .update(reconciliationRuns)
      .set({
        status: 'done',
        matchedCount: diff.matched,
        movementCount: diff.movements,
        itemCount: diff.items.length,
        mismatchRate: diff.mismatchRate.toFixed(8),
        isAlert: diff.alert ? 1 : 0,
        totals: JSON.stringify(diff.totals),
        otherCategories: categoriesColumn(diff.otherCategories),
        error: null,
        finishedAt: new Date(),
      })
      .where(eq(reconciliationRuns.id, runId));
  });
}

/** The run's other categories as JSON that fits its column: the most frequent kept when there are very many. */
function categoriesColumn(categories: Record<string, number>): string | null {
  const entries = Object.entries(categories).sort(([, a], [, b]) => b - a);
  while (entries.length > 0 && JSON.stringify(Object.fromEntries(entries)).length > 500) entries.pop();
  return entries.length ? JSON.stringify(Object.fromEntries(entries)) : null;
}

function itemRow(runId: number, item: DiffItem, explained?: { note: string | null; explainedBy: number | null; explainedAt: Date | null }) {
  return {
    runId,
    kind: item.kind,
    itemKey: item.key,
    category: item.category?.slice(0, 40) ?? null,
    balanceTransactionId: item.balanceTransactionId,
    sourceId: item.sourceId,
    chargeId: item.chargeId,
    paymentIntentId: item.paymentIntentId,
    ledgerId: item.ledgerId,
    ledgerTransactionId: item.ledgerTransactionId,
    orderId: item.orderId,
    gatewayAmountMinor: item.gateway?.amountMinor ?? null,
    gatewayCurrency: item.gateway?.currency ?? null,
    ledgerAmountMinor: item.ledger?.amountMinor ?? null,
    ledgerCurrency: item.ledger?.currency ?? null,
    mismatchMinor: item.mismatchMinor,
    mismatchCurrency: item.mismatchCurrency,
    status: explained ? ('explained' as const) : ('open' as const),
    note: explained?.note ?? null,
    explainedBy: explained?.explainedBy ?? null,
    explainedAt: explained?.explainedAt ?? null,
  };
}
