import 'server-only';
import { auditLog } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import type { Actor } from './actor';

/** Appends an audit record, inside the caller's transaction when there is one. */
export async function recordAudit(
  tx: Executor,
  actor: Actor,
  action: string,
  subject: { type: string; id: string | number },
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.id === undefined || actor.id === null ? null : String(actor.id),
    actorLabel: actor.label ?? null,
    action,
    subjectType: subject.type,
    subjectId: String(subject.id),
    details,
  });
}
