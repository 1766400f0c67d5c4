import type { Executor } from '@/lib/inventory/db-stock';
import type { StockSettlement } from '@/lib/orders/transition-order';

export type EventContext = {
  tx: Executor;
  source: string;
  eventId: string;
};

/** What a handler did, for the log and for the Redis step after the commit. */
export type HandlerResult = { outcome: string; settlement?: StockSettlement };
