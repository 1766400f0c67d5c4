import 'server-only';
import { orderEvents } from '@/db/schema/orders';
import type { Executor } from '@/lib/db/executor';

/**
 * Appends a fact to the outbox in the caller's transaction, so it exists exactly when the change
 * does: something that happened to a subject without moving its status (moves write their own
 * events through lib/state-machine). Modules name their facts and wrap this with their subject.
 */
export async function recordFact(tx: Executor, fact: { subjectType: string; subjectId: number; orderId: number | null; type: string; payload: Record<string, unknown> }): Promise<void> {
  await tx.insert(orderEvents).values({ ...fact, fromStatus: null, toStatus: null });
}
