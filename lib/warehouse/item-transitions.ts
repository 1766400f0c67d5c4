import type { FulfilmentStatus } from '@/db/schema/orders';
import type { MachineTransition } from '@/lib/state-machine/table';

/**
 * An order item's way from the seller to the shopper (lib/warehouse/item-machine). `permission`
 * is what a staff member needs to make the move by hand; `null` moves are made by the system or by
 * the shopper on their own item (QC decisions, parcels), never by a staff button.
 */
export const itemTransitions: readonly MachineTransition<FulfilmentStatus>[] = [
  // Received and weighed; only a line bought upstream (the machine's guard).
  { from: 'upstream', to: 'in_warehouse', event: 'item.received', permission: 'orders:warehouse' },
  // The shopper's QC decision (or the decision window running out).
  { from: 'in_warehouse', to: 'accepted', event: 'item.accepted', permission: null },
  { from: 'in_warehouse', to: 'return_requested', event: 'item.return_requested', permission: null },
  // The seller's answer to a return, recorded by customer service: taken back, or refused (the item stays).
  { from: 'return_requested', to: 'returned', event: 'item.returned', permission: 'orders:returns' },
  { from: 'return_requested', to: 'in_warehouse', event: 'item.return_refused', permission: 'orders:returns' },
  // Parcels: packed into one, taken out again when an unpaid parcel is cancelled, dispatched, delivered.
  { from: 'accepted', to: 'in_parcel', event: 'item.in_parcel', permission: null },
  { from: 'in_parcel', to: 'accepted', event: 'item.out_of_parcel', permission: null },
  { from: 'in_parcel', to: 'shipped', event: 'item.shipped', permission: null },
  { from: 'shipped', to: 'delivered', event: 'item.delivered', permission: null },
  // Money back for an item the shopper will not get.
  { from: 'in_warehouse', to: 'refunded', event: 'item.refunded', permission: 'orders:refund' },
  { from: 'accepted', to: 'refunded', event: 'item.refunded', permission: 'orders:refund' },
  // A returned item's share of the charge goes back from the returns screen (customer service).
  { from: 'returned', to: 'refunded', event: 'item.refunded', permission: 'orders:returns' },
];

/** Items in these statuses are in the warehouse or past it: an order whose live items all are has arrived. */
export const arrivedStatuses = ['in_warehouse', 'accepted', 'return_requested', 'in_parcel', 'shipped', 'delivered'] as const satisfies readonly FulfilmentStatus[];
