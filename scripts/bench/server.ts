import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { closeDatabases } from '@/db/client';
import { processTree } from './proc-memory';

/*
 * Builds and serves Ferry for benchmarks and audits: its own build folder (.next-bench) and port
 * (3300), bound to the loopback interface only, stopped by PID (with every descendant) on exit, error or Ctrl-C.
 * Ports 3000/3100 and folders .next/.next-test belong to the demo and the tests: never used here.
 */

export const benchDistDir = '.next-bench';
const reservedPorts = new Set([3000, 3100]);
const logDir = 'var/bench';

export function benchPort(): number {
  const port = Number(process.env.BENCH_PORT ?? 3300);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`BENCH_PORT must be a port from 1024 to 65535, got "${process.env.BENCH_PORT}"`);
  if (reservedPorts.has(port)) throw new Error(`BENCH_PORT ${port} is reserved for the demo/test servers; pick another`);
  return port;
}

// --- cleanup on exit, error and signals -------------------------------------------------------

const cleanups = new Set<() => Promise<void>>();
const children = new Set<ChildProcess>();

/** Registers something to stop on exit, error or Ctrl-C; returns a function that unregisters it. */
export function onCleanup(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => void cleanups.delete(fn);
}

/** Runs every registered cleanup once (server stop, child kills). Safe to call more than once. */
export async function cleanupAll(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((fn) => fn()));
  for (const child of children) if (child.exitCode === null && child.pid) killTree(child.pid, 'SIGTERM');
}

/**
 * A benchmark's entry point: runs `main` (which returns the exit code: 0 when every check passed),
 * then stops everything it started and closes the database pools, on success and on failure alike.
 */
export function runBench(main: () => Promise<number>): void {
  main()
    .then(async (code) => {
      await cleanupAll();
      await closeDatabases();
      process.exit(code);
    })
    .catch(async (error: unknown) => {
      process.stderr.write(`[bench] failed: ${(error as Error).stack ?? error}\n`);
      await cleanupAll();
      process.exit(1);
    });
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n[bench] ${signal}: stopping the server and every process this run started\n`);
    void cleanupAll().finally(() => process.exit(code));
  });
}

function killTree(rootPid: number, signal: NodeJS.Signals): number[] {
  const pids = processTree(rootPid);
  for (const pid of pids.reverse()) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
  return pids;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- one-off commands -------------------------------------------------------------------------

/** Runs a command to completion with its output on stderr; rejects on a non-zero exit. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', process.stderr, process.stderr] });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export async function ensureServices(): Promise<void> {
  await runCommand('bash', ['scripts/ensure-services.sh']);
}

/** `next build` into .next-bench unless `skipIfBuilt` and a finished build is already there. */
export async function buildForBench(skipIfBuilt: boolean): Promise<'built' | 'reused'> {
  if (skipIfBuilt && existsSync(`${benchDistDir}/BUILD_ID`)) return 'reused';
  if (skipIfBuilt) process.stderr.write(`[bench] --no-build given but ${benchDistDir} holds no build: building\n`);
  // `next build` points next-env.d.ts at its own distDir's types; put back the demo build's reference.
  const nextEnv = existsSync('next-env.d.ts') ? readFileSync('next-env.d.ts', 'utf8') : null;
  // Cached catalog reads from an earlier build may describe rows the seed has since replaced.
  rmSync(`${benchDistDir}/cache`, { recursive: true, force: true });
  try {
    await runCommand(process.execPath, ['node_modules/next/dist/bin/next', 'build'], benchEnv(benchPort()));
  } finally {
    if (nextEnv !== null) writeFileSync('next-env.d.ts', nextEnv);
  }
  return 'built';
}

function benchEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: benchDistDir,
    SITE_URL: `http://127.0.0.1:${port}`,
    // Exposes /api/internal/stats (SQL statement counter): used for readiness and per-run query counts.
    FERRY_DEBUG_STATS: '1',
    // Benchmarks run on the published demo secrets, as the demo does.
    FERRY_DEMO: '1',
  };
}

// --- the server -------------------------------------------------------------------------------

export type BenchServer = { pid: number; baseUrl: string; logFile: string; stop: () => Promise<void> };

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Starts `next start` on 127.0.0.1:<port> and resolves once it answers. `env` adds to or overrides the bench environment. */
export async function startBenchServer(port = benchPort(), env: Record<string, string> = {}): Promise<BenchServer> {
  if (await portInUse(port)) throw new Error(`127.0.0.1:${port} is already in use; stop that process or set BENCH_PORT`);
  mkdirSync(logDir, { recursive: true });
  const logFile = `${logDir}/server-${port}.log`;
  const log = openSync(logFile, 'w');
  // detached: the server gets its own process group, so a Ctrl-C reaches this script, which then
  // stops the server itself (by PID, children first) instead of racing it.
  // `-H localhost`, not `-H 127.0.0.1`: Next 16.4 normalizes loopback hosts to `localhost` in the
  // proxy's URLs but not in the router, so with 127.0.0.1 every proxy rewrite becomes an external
  // proxy back to itself and the storefront 307-loops (vercel/next.js#94745). localhost resolves to
  // 127.0.0.1 here; readiness below is checked on 127.0.0.1, so any other binding fails loudly.
  // scripts/serve.mjs is what `npm start` runs: `next start` plus the socket address for rate limits.
  const child = spawn(process.execPath, ['scripts/serve.mjs', '-H', 'localhost', '-p', String(port)], {
    env: { ...benchEnv(port), ...env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  const pid = child.pid;
  if (!pid) throw new Error('next start did not spawn');
  let exited = false;
  child.on('exit', () => (exited = true));
  process.on('exit', () => {
    if (!exited) killTree(pid, 'SIGKILL'); // last resort if an async cleanup never ran
  });

  const stop = async () => {
    cleanups.delete(stop);
    if (exited) return;
    const pids = killTree(pid, 'SIGTERM');
    for (let i = 0; i < 50 && pids.some(isAlive); i++) await sleep(100);
    killTree(pid, 'SIGKILL');
    for (const p of pids) if (isAlive(p)) killTree(p, 'SIGKILL');
  };
  cleanups.add(stop);

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited during start-up:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const response = await fetch(`${baseUrl}/api/internal/stats`);
      if (response.ok) return { pid, baseUrl, logFile, stop };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`next start did not answer on ${baseUrl} within 60 s (log: ${logFile})`);
}

/** SQL statements the server has sent so far (FERRY_DEBUG_STATS counter). */
export async function serverQueryCount(baseUrl: string): Promise<number | null> {
  try {
    const body = (await (await fetch(`${baseUrl}/api/internal/stats`)).json()) as { queries?: number };
    return typeof body.queries === 'number' ? body.queries : null;
  } catch {
    return null;
  }
}
