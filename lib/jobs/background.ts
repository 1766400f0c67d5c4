import 'server-only';
import { databaseFor } from '@/db/client';
import { uncounted } from '@/db/query-stats';
import { runRelay } from '@/lib/events/relay';
import { getEnv } from '@/lib/env';
import { sendReconciliationAlerts } from '@/lib/finance/reconcile/alert-finance';
import { runDailyReconciliation } from '@/lib/finance/reconcile/run-reconciliation';
import { expireReservations } from '@/lib/orders/expire-reservations';
import { repairStaleCounters } from '@/lib/inventory/stale-counters';
import { runPurchasingJob } from '@/lib/purchasing/run-purchasing';
import { getRedis } from '@/lib/redis';
import { deriveSupplierImages } from '@/lib/suppliers/derive-supplier-images';
import { runUpstreamPollJob } from '@/lib/supplier-push/run-push-jobs';
import { completeDeliveredOrders } from '@/lib/parcels/deliveries';
import { expireUnpaidParcels } from '@/lib/payments/expire-unpaid-parcels';
import { registerPendingShipments } from '@/lib/shipping-tracking/register-shipments';
import { runQcWindow } from '@/lib/warehouse/decisions/auto-accept-items';
import { queueStorageReminders } from '@/lib/warehouse/storage/queue-storage-reminders';
import { eventSubscribers } from './event-subscribers';
import { sweepStoredWebhooks } from './webhook-consumers';

const globalJobs = globalThis as unknown as { __ferryJobs?: NodeJS.Timeout; __ferryRelay?: NodeJS.Timeout };
/** The event relay looks for new outbox events this often: a shopper's email goes out within about a second. */
const RELAY_EVERY_MS = 1_000;
const IMAGES_PER_TICK = 500;
/** The daily reconciliation asks "is yesterday done?" this often (one INSERT IGNORE), not every tick. */
const RECONCILE_CHECK_EVERY_MS = 10 * 60_000;

/**
 * Periodic work of a single Ferry server: cancel unpaid orders whose reservation ran out (card
 * orders not paid in time, cash-on-delivery orders staff did not confirm in time), let each
 * webhook consumer apply its stored events that were never processed (payments, 1688 pushes),
 * recount Redis stock counters marked stale (Redis was away or lost its data), poll
 * upstream orders, buy paid items upstream, register shipments' tracking numbers 17TRACK has not accepted yet,
 * cancel parcels left unpaid too long (their items freed), complete orders delivered longer ago than the dispute window (lib/parcels), warn shoppers whose QC decision window is closing and
 * accept the items whose window closed after the warning, queue storage reminders
 * (lib/warehouse/storage), derive pending product images, and reconcile yesterday's gateway
 * movements with the ledger (lib/finance; once a day, the day's run row claimed by a unique key).
 * All are idempotent
 * (compare-and-set and claimed rows), so several servers may run them at once. Beside them, every
 * second, the event relay delivers new outbox events to their subscribers (lib/events).
 * FERRY_JOBS_INTERVAL_SECONDS=0 turns them off (for a server that should only serve pages).
 */
export function startBackgroundJobs(): void {
  const seconds = Number(process.env.FERRY_JOBS_INTERVAL_SECONDS ?? 15);
  if (!(seconds > 0) || globalJobs.__ferryJobs) return;
  let running = false;
  let isDerivingImages = false;
  let nextReconcileCheck = 0;
  let isReconciling = false;
  // Beside the tick too: a day of movements from the gateway's API takes seconds to minutes.
  const reconcile = (db: ReturnType<typeof databaseFor>) => {
    if (isReconciling || Date.now() < nextReconcileCheck) return;
    isReconciling = true;
    nextReconcileCheck = Date.now() + RECONCILE_CHECK_EVERY_MS;
    void uncounted(() => runDailyReconciliation(db, getEnv()))
      .then((run) => {
        if (run) console.log(`[jobs] reconciled ${run.day}: ${run.output.matched} matched, mismatch rate ${run.output.mismatchRate}${run.output.alert ? ' (alert)' : ''}`);
      })
      .catch((error: Error) => console.error('[jobs] daily reconciliation failed:', error.message.split('\n')[0]))
      .finally(() => (isReconciling = false));
  };
  // Images run beside the tick, not in it: a large backlog (after a sync started from the admin)
  // must not hold back reservation expiry or purchasing. A bounded share per tick.
  const deriveImages = (db: ReturnType<typeof databaseFor>) => {
    if (isDerivingImages) return;
    isDerivingImages = true;
    void uncounted(() => deriveSupplierImages(db, { maxRows: IMAGES_PER_TICK }))
      .then((run) => {
        if (run.processed || run.failed) console.log(`[jobs] images: ${run.processed} ready, ${run.failed} failed in ${run.seconds} s`);
      })
      .catch((error: Error) => console.error('[jobs] image pipeline failed:', error.message))
      .finally(() => (isDerivingImages = false));
  };
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const db = databaseFor(getEnv().DATABASE_URL);
      const redis = getRedis();
      const { expired, applied } = await uncounted(async () => ({
        expired: await expireReservations(db, redis),
        applied: await sweepStoredWebhooks(db, redis),
      }));
      if (expired || applied) console.log(`[jobs] expired ${expired} reservations, applied ${applied} stored webhook events`);
      await uncounted(() => repairStaleCounters(db, redis))
        .then(({ recounted }) => {
          if (recounted) console.log(`[jobs] recounted ${recounted} stock counters`);
        })
        .catch((error: Error) => console.error('[jobs] stock counter recount failed:', error.message.split('\n')[0]));
      await uncounted(() => runUpstreamPollJob(db, redis)).catch((error: Error) => console.error('[jobs] upstream order poll failed:', error.message));
      await uncounted(() => runPurchasingJob(db, redis)).catch((error: Error) => console.error('[jobs] purchasing failed:', error.message));
      await uncounted(() => runQcWindow(db))
        .then(({ warned, accepted }) => {
          if (warned || accepted) console.log(`[jobs] QC window: warned ${warned}, accepted ${accepted} items`);
        })
        .catch((error: Error) => console.error('[jobs] QC window failed:', error.message));
      await uncounted(() => queueStorageReminders(db))
        .then(({ shoppers, items }) => {
          if (items) console.log(`[jobs] storage reminders: ${items} items for ${shoppers} shoppers`);
        })
        .catch((error: Error) => console.error('[jobs] storage reminders failed:', error.message.split('\n')[0]));
      await uncounted(() => registerPendingShipments(db))
        .then(({ registered, failed }) => {
          if (registered.length || failed.length) console.log(`[jobs] tracking numbers: ${registered.length} registered, ${failed.length} still waiting`);
        })
        .catch((error: Error) => console.error('[jobs] tracking registration failed:', error.message.split('\n')[0]));
      await uncounted(() => expireUnpaidParcels(db))
        .then((cancelled) => {
          if (cancelled) console.log(`[jobs] cancelled ${cancelled} parcels left unpaid`);
        })
        .catch((error: Error) => console.error('[jobs] expiring unpaid parcels failed:', error.message.split('\n')[0]));
      await uncounted(() => completeDeliveredOrders(db, redis))
        .then((completed) => {
          if (completed) console.log(`[jobs] completed ${completed} delivered orders`);
        })
        .catch((error: Error) => console.error('[jobs] completing delivered orders failed:', error.message.split('\n')[0]));
      deriveImages(db);
      reconcile(db);
      // A run that raised the alert (here or from the CLI) is emailed to finance once.
      await uncounted(() => sendReconciliationAlerts(db))
        .then((sent) => {
          if (sent) console.log(`[jobs] reconciliation alert emailed to ${sent} finance users`);
        })
        .catch((error: Error) => console.error('[jobs] reconciliation alert failed:', error.message));
    } catch (error) {
      console.error('[jobs] background run failed:', (error as Error).message);
    } finally {
      running = false;
    }
  };
  globalJobs.__ferryJobs = setInterval(tick, seconds * 1000);
  globalJobs.__ferryJobs.unref();

  let isRelaying = false;
  const relay = async () => {
    if (isRelaying) return;
    isRelaying = true;
    try {
      const run = await uncounted(() => runRelay(databaseFor(getEnv().DATABASE_URL), eventSubscribers));
      if (run.delivered || run.failed || run.dead) console.log(`[events] delivered ${run.delivered}, failed ${run.failed} (retrying), dead ${run.dead}`);
    } catch (error) {
      console.error('[events] relay run failed:', (error as Error).message.split('\n')[0]);
    } finally {
      isRelaying = false;
    }
  };
  globalJobs.__ferryRelay = setInterval(relay, RELAY_EVERY_MS);
  globalJobs.__ferryRelay.unref();
}
