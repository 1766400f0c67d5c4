import 'server-only';
import { purchaseOrders, type PurchaseOrderStatus } from '@/db/schema/purchasing';
import type { Executor } from '@/lib/db/executor';
import { defineMachine } from '@/lib/state-machine/define-machine';
import { transitionInTx, type TransitionInput } from '@/lib/state-machine/transition-in-tx';
import { purchaseOrderTransitions } from './transitions';

/**
 * Purchase orders on lib/state-machine: every move is one compare-and-set on status (and version)
 * that writes the outbox event (`subject_type = 'purchase_order'`) and, for moves made by a person
 * or a gateway, the audit record. The worker's own moves stay out of the audit trail (they would
 * only be noise there); the board's step log (purchase_events) has them all.
 */
export const purchaseOrderMachine = defineMachine({
  subject: 'purchase_order',
  table: purchaseOrders,
  idColumn: purchaseOrders.id,
  statusColumn: purchaseOrders.status,
  versionColumn: purchaseOrders.version,
  transitions: purchaseOrderTransitions,
  isSystemAudited: false,
});

/** One purchase-order move inside the caller's transaction; false when someone else moved it first. */
export async function movePurchaseOrder(tx: Executor, input: TransitionInput<typeof purchaseOrders, PurchaseOrderStatus>): Promise<boolean> {
  return (await transitionInTx(tx, purchaseOrderMachine, input)).changed;
}
