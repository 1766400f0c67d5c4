import type { OrderStatus } from '@/db/schema/orders';
import type { Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { findTransitionIn, nextStatusesIn, type MachineTransition } from '@/lib/state-machine/table';

/**
 * The order state machine, the only place it is written down:
 * pending → paid → purchasing → purchased → arrived → packed → shipped → completed,
 * plus cancelled and refunded. `purchasing` is the lock that stops a second purchase.
 * Each transition names the permission a person needs to make it by hand; `null` means only the
 * system (a gateway callback, the reservation sweeper) makes it. The moves are made by
 * lib/state-machine's compare-and-set through `orderMachine` (order-machine.ts).
 */
export type Transition = MachineTransition<OrderStatus>;

export const transitions: readonly Transition[] = [
  { from: 'pending', to: 'paid', event: 'order.paid', permission: null },
  { from: 'pending', to: 'cancelled', event: 'order.cancelled', permission: 'orders:cancel' },
  { from: 'paid', to: 'purchasing', event: 'order.purchasing', permission: 'orders:purchase' },
  { from: 'paid', to: 'refunded', event: 'order.refunded', permission: 'orders:refund' },
  { from: 'purchasing', to: 'purchased', event: 'order.purchased', permission: 'orders:purchase' },
  // A failed upstream purchase returns the order to the queue.
  { from: 'purchasing', to: 'paid', event: 'order.purchase_failed', permission: 'orders:purchase' },
  // Every line was cancelled before it was bought (the shopper declined a price rise), or finance
  // refunds an order that is part-way through purchasing.
  { from: 'purchasing', to: 'refunded', event: 'order.refunded', permission: 'orders:refund' },
  { from: 'purchased', to: 'arrived', event: 'order.arrived', permission: 'orders:warehouse' },
  { from: 'purchased', to: 'refunded', event: 'order.refunded', permission: 'orders:refund' },
  { from: 'arrived', to: 'packed', event: 'order.packed', permission: 'orders:warehouse' },
  { from: 'arrived', to: 'refunded', event: 'order.refunded', permission: 'orders:refund' },
  { from: 'packed', to: 'shipped', event: 'order.shipped', permission: 'orders:warehouse' },
  { from: 'shipped', to: 'completed', event: 'order.completed', permission: 'orders:warehouse' },
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

export const terminalStatuses: readonly OrderStatus[] = ['completed', 'cancelled', 'refunded'];

/** Statuses whose items still hold units of shadow stock (`skus.reserved`). */
export const stockHoldingStatuses = ['pending', 'paid', 'purchasing'] as const satisfies readonly OrderStatus[];
export const holdsStock = (status: OrderStatus): boolean => (stockHoldingStatuses as readonly OrderStatus[]).includes(status);
