import type { Role } from '@/db/schema/accounts';
import type { ActorType } from '@/db/schema/orders';

/**
 * Who did something in the audit trail, as the admin shows it: the person, job or key first (an
 * email, the job's name, a partner key id), and what kind of actor it is second. A user's kind is
 * their role (customer, purchaser, admin …), looked up from the account, not "staff or customer".
 */
export type ActorText = { who: string | null; kind: { key: `actorRoles.${Role}` | `actorTypes.${ActorType}` } };

export function describeActor(entry: { actorType: ActorType; actorId: string | null; actorLabel: string | null; actorRole?: Role | null }): ActorText {
  const { actorType, actorId, actorLabel } = entry;
  if (actorType === 'user') {
    return { who: actorLabel ?? (actorId ? `#${actorId}` : null), kind: { key: entry.actorRole ? `actorRoles.${entry.actorRole}` : 'actorTypes.user' } };
  }
  // A system job is known by its name; a partner by its key id; a gateway by its source (sandbox, stripe).
  if (actorType === 'system') return { who: actorLabel ?? actorId, kind: { key: 'actorTypes.system' } };
  return { who: actorLabel ?? actorId, kind: { key: `actorTypes.${actorType}` } };
}
