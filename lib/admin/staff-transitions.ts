import type { Role } from '@/db/schema/accounts';
import type { OrderStatus } from '@/db/schema/orders';
import { can } from '@/lib/auth/permissions';
import { appliesTo, findTransition, nextStatuses, type Transition } from '@/lib/orders/transitions';

/**
 * The transitions a staff member may make by hand from `status` on an order paid through
 * `gateway`: the state machine's next statuses whose permission their role grants and whose
 * payment guard fits the order. System-only ones (pending → paid, made by the gateway callback)
 * are never offered. The action re-checks the permission on submit, the compare-and-set the guard.
 */
export function staffTransitions(status: OrderStatus, role: Role, gateway: string): Transition[] {
  return nextStatuses(status)
    .map((to) => findTransition(status, to)!)
    .filter((t) => t.permission !== null && can(role, t.permission) && appliesTo(t, gateway));
}

/** The message key of a transition button: the event name without its `order.` prefix. */
export function transitionKey(transition: Pick<Transition, 'event'>): string {
  return transition.event.replace(/^order\./, '');
}
