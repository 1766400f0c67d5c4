import 'server-only';
import type { SQL } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable, MySqlUpdateSetSource } from 'drizzle-orm/mysql-core';
import type { orderEvents } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import { findTransitionIn, nextStatusesIn, tableProblems, type MachineTransition } from './table';

/** A move that won its compare-and-set, as the machine's hooks see it. */
export type Move<S extends string> = {
  id: number;
  from: S;
  to: S;
  transition: MachineTransition<S>;
  actor: Actor;
  /** `{from, to, reason?, ...payload}`: the outbox payload (plus the actor) and the audit details. */
  details: Record<string, unknown>;
};

/** Columns of the outbox that only one subject fills (orders keep `order_id` and their statuses). */
export type SubjectOutboxColumns = Partial<Pick<typeof orderEvents.$inferInsert, 'orderId' | 'fromStatus' | 'toStatus'>>;

export type MachineConfig<T extends MySqlTable, S extends string, E> = {
  /** The subject's name in the outbox (`subject_type`) and the audit trail: `order`, `purchase_order`. */
  subject: string;
  table: T;
  idColumn: MySqlColumn;
  statusColumn: MySqlColumn;
  /** Bumped by every move; a caller's `expectedVersion` is compared with it. */
  versionColumn?: MySqlColumn;
  transitions: readonly MachineTransition<S>[];
  /**
   * An extra condition of the compare-and-set for one transition (an order's cash-on-delivery moves
   * apply only to cash-on-delivery orders): the row must meet it too, or nothing moves.
   */
  guard?: (transition: MachineTransition<S>) => SQL | undefined;
  /** Row values that belong to a move besides status and version (an order's `paid_at`). */
  columns?: (move: { from: S; to: S }) => MySqlUpdateSetSource<T>;
  /** The subject's own writes, in the move's transaction once it won (an order's stock); the result is handed back. */
  effect?: (tx: Executor, move: Move<S>) => Promise<E>;
  /** Outbox columns this subject fills besides subject, type and payload. */
  outbox?: (move: Move<S>) => SubjectOutboxColumns;
  /** Whether the system's own moves go to the audit trail too (false: only people's and gateways'). Default true. */
  isSystemAudited?: boolean;
};

export type Machine<T extends MySqlTable, S extends string, E> = Readonly<MachineConfig<T, S, E>> & {
  /** The table's property names of the status and version columns (what `.set()` takes). */
  readonly keys: { status: string; version: string | null };
  find(from: S, to: S): MachineTransition<S> | undefined;
  next(from: S): S[];
};

/**
 * A state machine over one table: its transition table plus where its status (and version) live.
 * Moves are made by `transitionInTx` (one compare-and-set that writes the row, the outbox event
 * and the audit record together). Checked when defined, so a bad table fails at start-up.
 */
export function defineMachine<T extends MySqlTable, S extends string, E = undefined>(config: MachineConfig<T, S, E>): Machine<T, S, E> {
  const columns = Object.entries(getTableColumns(config.table));
  const keyOf = (column: MySqlColumn, role: string): string => {
    const entry = columns.find(([, c]) => c === column);
    if (!entry) throw new Error(`${config.subject} machine: the ${role} column is not a column of its table`);
    return entry[0];
  };
  const statusKey = keyOf(config.statusColumn, 'status');
  const versionKey = config.versionColumn ? keyOf(config.versionColumn, 'version') : null;
  keyOf(config.idColumn, 'id');
  const enumValues = (config.statusColumn as { enumValues?: readonly string[] }).enumValues;
  const problems = tableProblems(config.transitions, enumValues);
  if (problems.length > 0) throw new Error(`${config.subject} machine: ${problems.join('; ')}`);
  return {
    ...config,
    keys: { status: statusKey, version: versionKey },
    find: (from, to) => findTransitionIn(config.transitions, from, to),
    next: (from) => nextStatusesIn(config.transitions, from),
  };
}
