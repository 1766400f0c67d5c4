import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { purchaseOrders } from '@/db/schema/purchasing';
import { claimPurchaseGroup } from './claim-purchase-group';
import { completeSettledOrders } from './complete-orders';
import { failPurchaseOrder } from './fail-purchase-order';
import { isAutoRetryable, OUTCOME_UNKNOWN, retryDelayMs } from './failure-reason';
import { purchasingWorker } from './log-purchase-event';
import { processPurchaseOrder, type ProcessOutcome, type PurchaseDeps } from './process-purchase-order';
import { reopenFailedOrder } from './reopen-failed-order';
import { purchasingSettings } from './settings';

export type PurchasingRun = { claimed: number; outcomes: Record<ProcessOutcome, number>; retried: number; stale: number; completed: number };

export type RunOptions = PurchaseDeps & {
  /** Upper bound of new upstream orders per run, so one tick never runs for ever. */
  maxGroups?: number;
  /** false (PURCHASING_AUTO=0): only the sweeps (stuck `placing`, unfinished orders); staff buy. */
  isBuying?: boolean;
  now?: Date;
};

/** A purchase order left `claimed`/`previewed` this long was abandoned by a crashed worker. */
const ABANDONED_MS = 60_000;
/** A create call takes seconds; one `placing` this long died mid-call (outcome unknown). */
const STALE_PLACING_MS = 10 * 60_000;

/**
 * One run of the purchasing worker (the background job calls it every tick when PURCHASING_AUTO=1):
 * 1. `placing` orders stuck past 10 minutes become failed with an unknown outcome (staff check 1688);
 * 2. failed orders whose trouble was transient and came before placing are retried with backoff;
 * 3. abandoned `claimed`/`previewed` orders are processed again;
 * 4. queued lines are claimed group by group and bought, up to `maxGroups`;
 * 5. orders whose lines are all settled but that are still `purchasing` (a crash between a
 *    purchase and its completion) are completed.
 * Any number of runs may overlap (servers, ticks, staff clicks): every step is a compare-and-set,
 * so a line is claimed by one purchase order and a purchase order is placed by one run.
 */
export async function runPurchasing(db: Database, redis: Redis | null, options: RunOptions = {}): Promise<PurchasingRun> {
  const now = options.now ?? new Date();
  const run: PurchasingRun = { claimed: 0, outcomes: { placed: 0, awaiting_shopper: 0, failed: 0, cancelled: 0, skipped: 0 }, retried: 0, stale: 0, completed: 0 };
  const process = async (id: number) => {
    run.outcomes[await processPurchaseOrder(db, redis, id, purchasingWorker, options)]++;
  };

  const stuck = await db
    .select({ id: purchaseOrders.id, status: purchaseOrders.status, version: purchaseOrders.version, reference: purchaseOrders.reference })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.status, 'placing'), lt(purchaseOrders.updatedAt, new Date(now.getTime() - STALE_PLACING_MS))));
  for (const po of stuck) {
    const message = `outcome unknown — the create call never answered; check 1688 for an order with outside id ${po.reference} before retrying`;
    if (await failPurchaseOrder(db, po, { stage: 'place', code: OUTCOME_UNKNOWN, message }, purchasingWorker)) run.stale++;
  }

  if (options.isBuying === false) {
    run.completed = (await completeSettledOrders(db, redis, purchasingWorker)).length;
    return run;
  }

  const failed = await db
    .select({ id: purchaseOrders.id, version: purchaseOrders.version, attempts: purchaseOrders.attempts, lastError: purchaseOrders.lastError, updatedAt: purchaseOrders.updatedAt })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.status, 'failed'), sql`${purchaseOrders.lastError} like 'preview:%'`))
    .orderBy(asc(purchaseOrders.updatedAt))
    .limit(50);
  for (const po of failed) {
    if (!isAutoRetryable(po.lastError, po.attempts) || now.getTime() - po.updatedAt.getTime() < retryDelayMs(po.attempts)) continue;
    if (!(await reopenFailedOrder(db, po.id, po.version, purchasingWorker, 'auto_retry'))) continue;
    run.retried++;
    await process(po.id);
  }

  const abandoned = await db
    .select({ id: purchaseOrders.id })
    .from(purchaseOrders)
    .where(and(inArray(purchaseOrders.status, ['claimed', 'previewed']), lt(purchaseOrders.updatedAt, new Date(now.getTime() - ABANDONED_MS))))
    .orderBy(asc(purchaseOrders.id))
    .limit(50);
  for (const po of abandoned) await process(po.id);

  for (let i = 0; i < (options.maxGroups ?? 20); i++) {
    const claimed = await claimPurchaseGroup(db, { actor: purchasingWorker });
    if (!claimed) break;
    run.claimed++;
    await process(claimed.id);
  }
  run.completed = (await completeSettledOrders(db, redis, purchasingWorker)).length;
  return run;
}

/** The background job's step (lib/jobs/background.ts), every tick: the worker, bounded per tick by PURCHASING_GROUPS_PER_TICK. */
export async function runPurchasingJob(db: Database, redis: Redis | null): Promise<PurchasingRun> {
  const settings = purchasingSettings();
  const run = await runPurchasing(db, redis, { maxGroups: settings.groupsPerTick, isBuying: settings.isAuto });
  const { placed, awaiting_shopper: awaiting, failed } = run.outcomes;
  if (run.claimed || run.retried || run.stale || run.completed || placed || failed) {
    console.log(`[purchasing] claimed ${run.claimed}, placed ${placed}, price rises ${awaiting}, failed ${failed}, retried ${run.retried}, stuck ${run.stale}, orders completed ${run.completed}`);
  }
  return run;
}
