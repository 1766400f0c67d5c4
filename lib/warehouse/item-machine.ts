import 'server-only';
import { eq } from 'drizzle-orm';
import { orderItems, type FulfilmentStatus } from '@/db/schema/orders';
import type { Executor } from '@/lib/db/executor';
import { defineMachine } from '@/lib/state-machine/define-machine';
import { transitionInTx, type TransitionInput } from '@/lib/state-machine/transition-in-tx';
import { itemTransitions } from './item-transitions';

/**
 * Order items on lib/state-machine: each move is one compare-and-set on the item's fulfilment status
 * and version, with its outbox event (`subject_type = 'order_item'`, the order's id filled so the
 * order's history and subscribers see it) and, for people's moves, the audit record. Receiving is
 * guarded on the line having been bought upstream. The order's own status follows its items
 * (derive-order-status.ts), in the same transaction.
 */
export const itemMachine = defineMachine({
  subject: 'order_item',
  table: orderItems,
  idColumn: orderItems.id,
  statusColumn: orderItems.fulfilmentStatus,
  versionColumn: orderItems.fulfilmentVersion,
  transitions: itemTransitions,
  guard: (transition) => (transition.from === 'upstream' ? eq(orderItems.purchaseStatus, 'purchased') : undefined),
  columns: ({ to }) => (to === 'in_warehouse' ? { receivedAt: new Date() } : {}),
  outbox: (move) => ({ orderId: typeof move.details.orderId === 'number' ? move.details.orderId : null }),
});

export type ItemMove = TransitionInput<typeof orderItems, FulfilmentStatus> & { payload: { orderId: number } & Record<string, unknown> };

/** One item move inside the caller's transaction; false when someone else moved it first. */
export async function moveItem(tx: Executor, input: ItemMove): Promise<boolean> {
  return (await transitionInTx(tx, itemMachine, input)).changed;
}
