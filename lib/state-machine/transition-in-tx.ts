import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { MySqlTable, MySqlUpdateSetSource } from 'drizzle-orm/mysql-core';
import { orderEvents } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';
import type { Machine, Move } from './define-machine';

export type TransitionInput<T extends MySqlTable, S extends string> = {
  id: number;
  from: S;
  to: S;
  actor: Actor;
  reason?: string;
  payload?: Record<string, unknown>;
  /** Staff screens pass the version they showed, so a stale button cannot act on a changed row. */
  expectedVersion?: number;
  /** This caller's own row values written with the move (a failure's reason, the upstream order id). */
  set?: MySqlUpdateSetSource<T>;
};

export type TransitionOutcome<E> = { changed: false } | { changed: true; effect: E };

/**
 * One move as a compare-and-set inside the caller's transaction:
 * `UPDATE <table> SET status = <to>, version = version + 1 … WHERE id = ? AND status = <from>
 * [AND version = ?]` changes one row or none. When it changes, the same transaction runs the
 * machine's effect, appends the outbox event (`order_events`, with the subject) and the audit
 * record. `changed: false` means someone else moved the row first: nothing was written.
 * A move the machine's table does not list is refused before anything is touched.
 */
export async function transitionInTx<T extends MySqlTable, S extends string, E>(
  tx: Executor,
  machine: Machine<T, S, E>,
  input: TransitionInput<T, S>,
): Promise<TransitionOutcome<E>> {
  const { id, from, to, actor } = input;
  const transition = machine.find(from, to);
  if (!transition) throw new AppError('invalid_transition', `A ${machine.subject.replace(/_/g, ' ')} cannot go from ${from} to ${to}`);
  if (input.expectedVersion !== undefined && !machine.versionColumn) throw new Error(`The ${machine.subject} machine has no version column`);

  const conditions: SQL[] = [eq(machine.idColumn, id), eq(machine.statusColumn, from)];
  if (input.expectedVersion !== undefined) conditions.push(eq(machine.versionColumn!, input.expectedVersion));
  const guard = machine.guard?.(transition);
  if (guard) conditions.push(guard);
  const values = {
    ...input.set,
    ...machine.columns?.({ from, to }),
    [machine.keys.status]: to,
    ...(machine.keys.version ? { [machine.keys.version]: sql`${machine.versionColumn} + 1` } : {}),
  } as MySqlUpdateSetSource<T>;
  const [result] = await tx.update(machine.table).set(values).where(and(...conditions));
  if (result.affectedRows !== 1) return { changed: false };

  const details = { from, to, ...(input.reason ? { reason: input.reason } : {}), ...input.payload };
  const move: Move<S> = { id, from, to, transition, actor, details };
  const effect = (machine.effect ? await machine.effect(tx, move) : undefined) as E;
  await tx.insert(orderEvents).values({
    subjectType: machine.subject,
    subjectId: id,
    type: transition.event,
    payload: { ...details, actor: { type: actor.type, id: actor.id ?? null } },
    ...machine.outbox?.(move),
  });
  if (machine.isSystemAudited !== false || actor.type !== 'system') {
    await recordAudit(tx, actor, transition.event, { type: machine.subject, id }, details);
  }
  return { changed: true, effect };
}
