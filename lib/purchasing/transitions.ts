import type { PurchaseOrderStatus } from '@/db/schema/purchasing';
import type { MachineTransition } from '@/lib/state-machine/table';

/**
 * The purchase-order state machine, the only place its moves are written down:
 * `claimed → previewed → placing → placed`, a price rise parks it `awaiting_shopper` (closed
 * `cancelled` once no line waits), any step before `placed` may fail, staff retry or cancel a
 * failed one, and a purchaser who bought on the marketplace by hand marks it `placed` from any
 * status in which Ferry is not itself sending the order upstream. The worker and a purchaser
 * (`orders:purchase`) make the same moves; closing after the shoppers decided is the system's.
 * A new row starts `claimed` (claim-purchase-group.ts inserts it with its lines).
 */
export const purchaseOrderTransitions: readonly MachineTransition<PurchaseOrderStatus>[] = [
  { from: 'claimed', to: 'previewed', event: 'purchase.previewed', permission: 'orders:purchase' },
  { from: 'previewed', to: 'placing', event: 'purchase.placing', permission: 'orders:purchase' },
  { from: 'placing', to: 'placed', event: 'purchase.placed', permission: 'orders:purchase' },
  // The upstream asks more than the shoppers paid: they decide, nothing is bought meanwhile.
  { from: 'claimed', to: 'awaiting_shopper', event: 'purchase.price_rise', permission: 'orders:purchase' },
  { from: 'previewed', to: 'awaiting_shopper', event: 'purchase.price_rise', permission: 'orders:purchase' },
  { from: 'awaiting_shopper', to: 'cancelled', event: 'purchase.closed', permission: null },
  // A preview, check or create call failed (or a create call never answered).
  { from: 'claimed', to: 'failed', event: 'purchase.failed', permission: 'orders:purchase' },
  { from: 'previewed', to: 'failed', event: 'purchase.failed', permission: 'orders:purchase' },
  { from: 'placing', to: 'failed', event: 'purchase.failed', permission: 'orders:purchase' },
  { from: 'failed', to: 'claimed', event: 'purchase.retried', permission: 'orders:purchase' },
  { from: 'failed', to: 'cancelled', event: 'purchase.cancelled', permission: 'orders:purchase' },
  // Nothing left to buy (every line was withdrawn before the preview).
  { from: 'claimed', to: 'cancelled', event: 'purchase.cancelled', permission: 'orders:purchase' },
  { from: 'previewed', to: 'cancelled', event: 'purchase.cancelled', permission: 'orders:purchase' },
  // Every line was refunded to its shoppers before the seller shipped: cancelled upstream (alibaba.trade.cancel).
  { from: 'placed', to: 'cancelled', event: 'purchase.cancelled_upstream', permission: 'orders:refund' },
  // Bought on the marketplace by hand, with the upstream order id the purchaser typed.
  { from: 'failed', to: 'placed', event: 'purchase.manual', permission: 'orders:purchase' },
  { from: 'claimed', to: 'placed', event: 'purchase.manual', permission: 'orders:purchase' },
  { from: 'previewed', to: 'placed', event: 'purchase.manual', permission: 'orders:purchase' },
];

/** Statuses a purchaser may take over by hand: nothing is being sent upstream by Ferry at that moment. */
export const manualFromStatuses = purchaseOrderTransitions.filter((t) => t.event === 'purchase.manual').map((t) => t.from);
