import type { Permission } from '@/lib/auth/permissions';

/**
 * One move of a state machine: from one status to another, the outbox event it writes, and the
 * permission a person needs to make it by hand (`null`: only the system makes it). A machine's
 * table of these is the only place its moves are written down.
 */
export type MachineTransition<S extends string> = {
  from: S;
  to: S;
  event: string;
  permission: Permission | null;
};

export function findTransitionIn<S extends string>(table: readonly MachineTransition<S>[], from: S, to: S): MachineTransition<S> | undefined {
  return table.find((t) => t.from === from && t.to === to);
}

export function nextStatusesIn<S extends string>(table: readonly MachineTransition<S>[], from: S): S[] {
  return table.filter((t) => t.from === from).map((t) => t.to);
}

/**
 * Problems with a table: a pair named twice (which event would it write?), a move to itself (a
 * compare-and-set that changes nothing), an empty event name, a status the machine does not have.
 */
export function tableProblems<S extends string>(table: readonly MachineTransition<S>[], statuses?: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of table) {
    const pair = `${t.from} → ${t.to}`;
    if (seen.has(pair)) problems.push(`${pair} is listed twice`);
    seen.add(pair);
    if (t.from === t.to) problems.push(`${pair} does not move`);
    if (!t.event.trim()) problems.push(`${pair} names no event`);
    for (const status of [t.from, t.to]) {
      if (statuses && !statuses.includes(status)) problems.push(`${pair}: "${status}" is not a status`);
    }
  }
  return problems;
}
