import type { ActorType } from '@/db/schema/orders';

/** Who made a change, for the audit trail and the outbox. */
export type Actor = { type: ActorType; id?: string | number | null; label?: string | null };

export const systemActor = (label: string): Actor => ({ type: 'system', label });

/** A signed-in person (staff or shopper) as the audit trail records them. */
export const userActor = (user: { id: number; email: string }): Actor => ({ type: 'user', id: user.id, label: user.email });
