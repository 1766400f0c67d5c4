import { readdirSync, readFileSync } from 'node:fs';

/*
 * Resident memory of a process tree, read from /proc (Linux only). `next start` may fork a child
 * server, so the root PID alone under-counts: every sample sums the root and all its descendants.
 */

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process exited between listing and reading, or /proc is not readable
  }
}

/** PID → parent PID for every process visible in /proc. */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    if (!stat) continue;
    // The command name may hold spaces and parentheses: fields resume after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(fields[1]));
  }
  return parents;
}

/** The root PID followed by every live descendant (children, grandchildren …). */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentMap()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

type StatusMemory = { rssBytes: number; hwmBytes: number | null };

function readStatusMemory(pid: number): StatusMemory | null {
  const status = readText(`/proc/${pid}/status`);
  if (!status) return null;
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : null;
  };
  const rssBytes = kb('VmRSS');
  return rssBytes === null ? null : { rssBytes, hwmBytes: kb('VmHWM') };
}

export type MemoryPeaks = {
  /** Highest summed RSS of the tree seen by any sample. */
  peakRssBytes: number;
  /** Sum over every process seen of its own VmHWM (kernel-tracked peak); null if unreadable. */
  hwmSumBytes: number | null;
  /** Processes seen in the tree over the sampler's life. */
  processes: number;
};

/** Samples the tree's summed RSS every `intervalMs` and keeps the maximum, overall and per window. */
export class TreeRssSampler {
  private timer: NodeJS.Timeout | null = null;
  private peak = 0;
  private windowPeak = 0;
  private readonly hwm = new Map<number, number>();
  private readonly seen = new Set<number>();

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): MemoryPeaks {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.peaks();
  }

  /** Starts a new measuring window (one load run). */
  beginWindow(): void {
    this.windowPeak = 0;
    this.sample();
  }

  /** Peak summed RSS since the last beginWindow(). */
  endWindow(): number {
    this.sample();
    return this.windowPeak;
  }

  peaks(): MemoryPeaks {
    const hwms = [...this.hwm.values()];
    return { peakRssBytes: this.peak, hwmSumBytes: hwms.length > 0 ? hwms.reduce((a, b) => a + b, 0) : null, processes: this.seen.size };
  }

  private sample(): void {
    let total = 0;
    for (const pid of processTree(this.rootPid)) {
      const memory = readStatusMemory(pid);
      if (!memory) continue;
      total += memory.rssBytes;
      this.seen.add(pid);
      if (memory.hwmBytes !== null) this.hwm.set(pid, Math.max(this.hwm.get(pid) ?? 0, memory.hwmBytes));
    }
    this.peak = Math.max(this.peak, total);
    this.windowPeak = Math.max(this.windowPeak, total);
  }
}
