import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';

/**
 * The modules that own stored webhooks. Each delivery is stored with its consumer
 * (`webhook_events.consumer`) and each consumer's sweeper applies only its own rows. A new intake
 * adds its name here and its sweeper to lib/jobs/webhook-consumers.ts.
 */
export const webhookConsumers = ['payments', 'supplier-push', 'tracking'] as const;
export type WebhookConsumer = (typeof webhookConsumers)[number];

/** What the periodic job runs for one consumer: apply its stored, unprocessed rows; returns how many. */
export type WebhookSweeper = {
  consumer: WebhookConsumer;
  sweep(db: Database, redis: Redis | null): Promise<number>;
};
