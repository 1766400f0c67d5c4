import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/* Machine facts and docs/benchmarks.md, shared by the storefront benchmark and the Lighthouse audit. */

export const benchmarksFile = 'docs/benchmarks.md';

const intro = `# Benchmarks

Measured results, newest last. Each section is appended by a script; rerun it rather than editing
numbers by hand.

- \`npm run bench:storefront\` (scripts/bench-storefront.ts): builds into \`.next-bench\`, serves it
  with \`next start\` on 127.0.0.1:3300 and loads storefront pages with autocannon (50 connections).
  Targets: product page req/s ≥ ½ of the prerendered page's, product page p99 < 150 ms; category
  page and its page 2 req/s ≥ ½ of the product page's, p99 < 300 ms; filtered category and search
  ≥ 200 req/s, p99 < 500 ms; no page below 0.8 × its req/s before listings were cached
  (scripts/bench/storefront-baseline.ts); server peak RSS (the \`next start\` process and all its
  descendants) < 1 GB.
- \`npx tsx scripts/audit-lighthouse.ts\` (scripts/audit-lighthouse.ts): Lighthouse (mobile defaults,
  offline, Debian Chromium) on the home, a category and a product page of the same server.
  Targets: performance ≥ 90, accessibility ≥ 95, best practices ≥ 95, SEO 100.
`;

export type Machine = { cpus: number; memoryGiB: number; cpuModel: string; node: string; load: string; kernel: string };

export function describeMachine(): Machine {
  const nproc = spawnSync('nproc', { encoding: 'utf8' });
  const cpus = nproc.status === 0 ? Number(nproc.stdout.trim()) : availableParallelism();
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const memKb = Number(/^MemTotal:\s+(\d+)/m.exec(meminfo)?.[1] ?? 0);
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  const kernel = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim();
  return {
    cpus,
    memoryGiB: Math.round((memKb / 1024 / 1024) * 10) / 10,
    cpuModel,
    node: process.version,
    load: loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
    kernel,
  };
}

export function machineLines(machine: Machine): string[] {
  return [
    `- Machine: ${machine.cpus} CPUs (\`nproc\`), ${machine.memoryGiB} GiB RAM, ${machine.cpuModel}, Linux ${machine.kernel}`,
    `- Node ${machine.node}; load average at start ${machine.load}`,
  ];
}

/** UTC timestamp to the minute: `2026-11-21 08:30 UTC`. */
export function stamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function markdownTable(header: string[], rows: (string | number)[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** Appends a section to docs/benchmarks.md, creating the file with its introduction if missing. */
export function appendBenchmarkSection(lines: string[]): void {
  if (!existsSync(benchmarksFile)) writeFileSync(benchmarksFile, intro);
  const current = readFileSync(benchmarksFile, 'utf8');
  appendFileSync(benchmarksFile, `${current.endsWith('\n') ? '' : '\n'}\n${lines.join('\n')}\n`);
}

export const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
export const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
