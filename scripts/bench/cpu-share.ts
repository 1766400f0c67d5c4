import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processTree } from './proc-memory';

/*
 * Where the machine's CPU went during a load run (Linux /proc): the server tree, this process (the
 * load generator runs in it), and everything else. On a shared 2-core machine "everything else" is
 * what makes two runs incomparable, so the benchmark reports it next to each result.
 */

const clockTicks = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const value = Number(result.stdout?.trim());
  return Number.isInteger(value) && value > 0 ? value : 100;
})();

/** Busy ticks of all CPUs together (idle and iowait excluded; guest time is already in user). */
function machineBusyTicks(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}

/** utime + stime of one process, in ticks (0 once it has exited). */
function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

const treeTicks = (rootPid: number) => processTree(rootPid).reduce((sum, pid) => sum + processTicks(pid), 0);

/** Average CPUs busy during the window (1.0 = one core fully used). */
export type CpuShare = { server: number; loadGenerator: number; others: number };

export function startCpuWindow(serverPid: number): { end: () => CpuShare } {
  const startedAt = process.hrtime.bigint();
  const machine0 = machineBusyTicks();
  const server0 = treeTicks(serverPid);
  const self0 = processTicks(process.pid);
  return {
    end() {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const cores = (ticks: number) => Math.max(0, ticks) / clockTicks / seconds;
      const server = treeTicks(serverPid) - server0;
      const self = processTicks(process.pid) - self0;
      const machine = machineBusyTicks() - machine0;
      return { server: cores(server), loadGenerator: cores(self), others: cores(machine - server - self) };
    },
  };
}
