import type { OrderStatus } from '@/db/schema/orders';
import type { Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { findTransitionIn, nextStatusesIn, type MachineTransition } from '@/lib/state-machine/table';

/**
 * The order state machine, the only place it is written down:
 * pending → paid → purchasing → purchased → arrived → packed → shipped → completed,
 * plus cancelled and refunded. `purchasing` is the lock that stops a second purchase.
 *
 * Cash on delivery takes `pending → confirmed → purchasing`: staff confirm the order with the
 * shopper (usually by phone) and it is bought like a paid one, but nothing was paid, so it is not
 * `paid` (the `order.paid` event and the ledger mean money arrived) and it is cancelled, never
 * refunded, if it stops before purchase. From `purchasing` on both kinds share one path. A separate
 * status rather than `paid` plus a flag keeps every consumer of `order.paid` and every
 * `status = 'paid'` reading true; the few places that buy take `purchasableStatuses` instead.
 *
 * Each transition names the permission a person needs to make it by hand; `null` means only the
 * system (a gateway callback, the reservation sweeper) makes it. `payment` limits a transition to
 * orders paid by card (`prepaid`) or cash on delivery (`cod`); the compare-and-set checks it. The
 * moves are made by lib/state-machine's compare-and-set through `orderMachine` (order-machine.ts).
 */
export type Transition = MachineTransition<OrderStatus> & { payment?: PaymentKind };

export type PaymentKind = 'prepaid' | 'cod';

export const transitions: readonly Transition[] = [
  { from: 'pending', to: 'paid', event: 'order.paid', permission: null },
  { from: 'pending', to: 'cancelled', event: 'order.cancelled', permission: 'orders:cancel' },
  { from: 'pending', to: 'confirmed', event: 'order.cod_confirmed', permission: 'orders:confirm_cod', payment: 'cod' },
  { from: 'paid', to: 'purchasing', event: 'order.purchasing', permission: 'orders:purchase' },
  { from: 'paid', to: 'refunded', event: 'order.refunded', permission: 'orders:refund' },
  { from: 'confirmed', to: 'purchasing', event: 'order.purchasing', permission: 'orders:purchase' },
  // Nothing was collected yet: a confirmed order that will not be bought is cancelled, its units returned.
  { from: 'confirmed', to: 'cancelled', event: 'order.cancelled', permission: 'orders:cancel' },
  { from: 'purchasing', to: 'purchased', event: 'order.purchased', permission: 'orders:purchase' },
  // A failed upstream purchase returns the order to the queue it came from.
  { from: 'purchasing', to: 'paid', event: 'order.purchase_failed', permission: 'orders:purchase', payment: 'prepaid' },
  { from: 'purchasing', to: 'confirmed', event: 'order.purchase_failed', permission: 'orders:purchase', payment: 'cod' },
  // Every line was cancelled before it was bought (the shopper declined a price rise), or finance
  // refunds an order that is part-way through purchasing.
  { from: 'purchasing', to: 'refunded', event: 'order.refunded', permission: 'orders:refund' },
  // From here the order follows its items (lib/warehouse): it is `arrived` when every live item is in
  // the warehouse, moved by receiving, never by a button; packing and dispatch come with parcels.
  { from: 'purchased', to: 'arrived', event: 'order.arrived', permission: null },
  { from: 'purchased', to: 'refunded', event: 'order.refunded', permission: 'orders:refund' },
  { from: 'arrived', to: 'packed', event: 'order.packed', permission: null },
  { from: 'arrived', to: 'refunded', event: 'order.refunded', permission: 'orders:refund' },
  { from: 'packed', to: 'shipped', event: 'order.shipped', permission: null },
  { from: 'shipped', to: 'completed', event: 'order.completed', permission: null },
];

export function findTransition(from: OrderStatus, to: OrderStatus): Transition | undefined {
  return findTransitionIn(transitions, from, to);
}

/**
 * The permission a person needs to move an order from → to by hand (the table's own, never one a
 * form names). A move only the system makes, or no move at all → AppError('invalid_transition').
 */
export function manualTransitionPermission(from: OrderStatus, to: OrderStatus): Permission {
  const transition = findTransition(from, to);
  if (!transition?.permission) throw new AppError('invalid_transition', `An order cannot be moved from ${from} to ${to} by hand`);
  return transition.permission;
}

export function nextStatuses(from: OrderStatus): OrderStatus[] {
  return nextStatusesIn(transitions, from);
}

/** How an order is paid, as the `payment` guard of a transition reads it. */
export function paymentKind(gateway: string): PaymentKind {
  return gateway === 'cod' ? 'cod' : 'prepaid';
}

/** Whether `transition` applies to an order paid through `gateway`. */
export function appliesTo(transition: Transition, gateway: string): boolean {
  return transition.payment === undefined || transition.payment === paymentKind(gateway);
}

export const terminalStatuses: readonly OrderStatus[] = ['completed', 'cancelled', 'refunded'];

/** Statuses in the order an order goes through them, for screens (the database enum appends new ones). */
export const statusFlow: readonly OrderStatus[] = [
  'pending',
  'confirmed',
  'paid',
  'purchasing',
  'purchased',
  'arrived',
  'packed',
  'shipped',
  'completed',
  'cancelled',
  'refunded',
];

/** Orders whose queued lines the purchasing worker may buy: paid, confirmed cash on delivery, or already part-bought. */
export const purchasableStatuses = ['paid', 'confirmed', 'purchasing'] as const satisfies readonly OrderStatus[];
