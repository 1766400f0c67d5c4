import type { Actor } from '@/lib/audit/actor';

// The actor is the audit trail's notion; orders' callers keep importing it from here.
export { systemActor, type Actor } from '@/lib/audit/actor';

/** A signed-in person (staff or shopper) as the audit trail records them. */
export const userActor = (user: { id: number; email: string }): Actor => ({ type: 'user', id: user.id, label: user.email });
