import 'server-only';
import { purchaseEvents } from '@/db/schema/purchasing';
import { recordAudit } from '@/lib/audit/record';
import type { Executor } from '@/lib/db/executor';
import type { Actor } from '@/lib/audit/actor';

/** The worker, as it appears in purchase logs and `placed_by`. */
export const purchasingWorker: Actor = { type: 'system', id: 'auto', label: 'purchasing worker' };

/** `auto` for the worker, `user:12` for staff, `gateway:sandbox` for a payment callback. */
export function actorName(actor: Actor): string {
  if (actor.type === 'system') return String(actor.id ?? 'auto');
  return actor.id === undefined || actor.id === null ? actor.type : `${actor.type}:${actor.id}`;
}

/**
 * One step of a purchase order, in the caller's transaction: the board's event log. Steps taken
 * by a person or a gateway also go to the audit trail (the worker's own steps would only be noise
 * there; they stay in purchase_events). For a status move, use `logPurchaseStep` after the
 * machine's transition, which has written the audit record already.
 */
export async function logPurchaseEvent(tx: Executor, purchaseOrderId: number, step: string, actor: Actor, details: Record<string, unknown> = {}): Promise<void> {
  await logPurchaseStep(tx, purchaseOrderId, step, actor, details);
  if (actor.type !== 'system') await recordAudit(tx, actor, `purchase.${step}`, { type: 'purchase_order', id: purchaseOrderId }, details);
}

/** The board's log line alone: for steps that are status moves (purchaseOrderMachine audits those). */
export async function logPurchaseStep(tx: Executor, purchaseOrderId: number, step: string, actor: Actor, details: Record<string, unknown> = {}): Promise<void> {
  await tx.insert(purchaseEvents).values({ purchaseOrderId, step, actor: actorName(actor), details });
}
