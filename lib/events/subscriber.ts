import type { Database } from '@/db/client';

/** An outbox event as a subscriber receives it. */
export type RelayedEvent = {
  id: number;
  type: string;
  subjectType: string;
  subjectId: number;
  /** Set for an order's own events and facts. */
  orderId: number | null;
  payload: Record<string, unknown>;
  createdAt: Date;
};

export type DeliveryContext = {
  db: Database;
  /** `<subscriber>:<event id>`: the same on every attempt, for the subscriber's own dedup (an email's outbox row). */
  deliveryKey: string;
  /** 1 on the first attempt. */
  attempt: number;
};

/**
 * A module's reaction to other modules' events. The relay runs `handle` at least once per event of
 * one of `types` (again after a failure or a crash), so it must be idempotent: check what it did
 * before, or key its writes by `deliveryKey`. A throw is a failure: retried with backoff, without
 * holding back other subscribers or other subjects. The name is stored with every delivery: keep it.
 */
export type Subscriber = {
  name: string;
  types: readonly string[];
  handle(event: RelayedEvent, context: DeliveryContext): Promise<void>;
};
