import 'server-only';
import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';
import { paymentsWebhookSweeper } from '@/lib/payments/process-webhook-event';
import { trackingWebhookSweeper } from '@/lib/shipping-tracking/process-tracking-webhook';
import { supplierPushWebhookSweeper } from '@/lib/supplier-push/run-push-jobs';
import type { WebhookConsumer, WebhookSweeper } from '@/lib/webhooks/consumers';

/**
 * The registry of webhook consumers: every owner of stored webhooks with its sweeper. A consumer
 * named in lib/webhooks/consumers.ts without a sweeper here does not compile.
 */
export const webhookSweepers = {
  payments: paymentsWebhookSweeper,
  'supplier-push': supplierPushWebhookSweeper,
  tracking: trackingWebhookSweeper,
} as const satisfies Record<WebhookConsumer, WebhookSweeper>;

/**
 * The periodic job's pass over stored webhooks: each consumer applies its own leftovers; one that
 * fails is logged and does not hold back the others. Returns how many rows were applied.
 */
export async function sweepStoredWebhooks(db: Database, redis: Redis | null): Promise<number> {
  let applied = 0;
  for (const sweeper of Object.values(webhookSweepers)) {
    try {
      applied += await sweeper.sweep(db, redis);
    } catch (error) {
      console.error(`[jobs] stored ${sweeper.consumer} webhooks could not be applied:`, (error as Error).message);
    }
  }
  return applied;
}
