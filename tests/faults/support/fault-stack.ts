import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { startBridge, type Bridge } from '@/sandboxes/upstash-bridge/bridge';

/**
 * The fault suite's own services, so it can kill and restart them without disturbing anyone: a
 * throwaway MariaDB (its own datadir and port), a redis-server without persistence, the Upstash
 * bridge in front of it, and a `next start` of the test build pointed at them. 127.0.0.1 only.
 * Ports are overridable (FAULTS_*_PORT) for machines where these are taken.
 */
export const faultPorts = {
  mariadb: Number(process.env.FAULTS_MARIADB_PORT ?? 3317),
  redis: Number(process.env.FAULTS_REDIS_PORT ?? 6391),
  bridge: Number(process.env.FAULTS_BRIDGE_PORT ?? 8154),
  server: Number(process.env.FAULTS_SERVER_PORT ?? 3206),
};

export const REDIS_TOKEN = 'ferry-demo-redis-token';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await sleep(everyMs);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Whatever happens to the test process, the servers it started do not outlive it.
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Refuses to start on a port something else serves: the suite must never kill or use anyone else's service. */
async function claimPort(port: number, what: string): Promise<void> {
  if (await portOpen(port)) throw new Error(`port ${port} for the fault suite's ${what} is taken; set FAULTS_*_PORT`);
}

function run(command: string, args: string[], logFile?: string, env?: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  } else {
    child.stdout!.resume();
    child.stderr!.resume();
  }
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child) return;
  child.kill(signal);
  await exited(child);
}

/** A MariaDB of our own: initialised in a temp datadir, root without password over TCP. */
export class ThrowawayMariaDb {
  private child: ChildProcess | undefined;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get serverUrl(): string {
    return `mysql://root@127.0.0.1:${this.port}/`;
  }

  async init(): Promise<void> {
    const install = run('mariadb-install-db', [
      '--no-defaults',
      '--auth-root-authentication-method=normal',
      `--datadir=${this.dir}/data`,
      '--skip-test-db',
    ], `${this.dir}/install.log`);
    await exited(install);
    if (install.exitCode !== 0) throw new Error(`mariadb-install-db failed (see ${this.dir}/install.log)`);
  }

  /** Starts the server; resolves once it answers queries. */
  async start(): Promise<number> {
    await claimPort(this.port, 'MariaDB');
    this.child = run('mariadbd', [
      '--no-defaults',
      `--datadir=${this.dir}/data`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${this.dir}/mysqld.sock`,
      `--pid-file=${this.dir}/mysqld.pid`,
      `--log-error=${this.dir}/error.log`,
      '--skip-log-bin',
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=64M',
      '--max-connections=200',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ]);
    return waitFor('mariadbd', () => this.ping(), 30_000, 25);
  }

  async ping(): Promise<boolean> {
    const conn = await mysql.createConnection({ uri: this.serverUrl, connectTimeout: 1000 });
    try {
      await conn.query('select 1');
      return true;
    } finally {
      await conn.end().catch(() => undefined);
    }
  }

  /** SIGKILL: no shutdown, InnoDB recovers from its redo log on the next start. */
  kill(): Promise<void> {
    return stop(this.child, 'SIGKILL');
  }

  shutdown(): Promise<void> {
    return stop(this.child, 'SIGTERM');
  }
}

export class ThrowawayRedis {
  private child: ChildProcess | undefined;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<number> {
    await claimPort(this.port, 'Redis');
    this.child = run('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], `${this.dir}/redis.log`);
    return waitFor('redis-server', () => portOpen(this.port), 10_000, 25);
  }

  kill(): Promise<void> {
    return stop(this.child, 'SIGKILL');
  }
}

/** The Upstash REST endpoint (the local bridge), in this process: stopping it is Upstash becoming unreachable. */
export class BridgeHost {
  private bridge: Bridge | undefined;
  constructor(
    readonly port: number,
    readonly redisUrl: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await claimPort(this.port, 'Upstash bridge');
    this.bridge = await startBridge({ port: this.port, host: '127.0.0.1', redisUrl: this.redisUrl, token: REDIS_TOKEN });
  }

  async stop(): Promise<void> {
    await this.bridge?.close();
    this.bridge = undefined;
  }
}

/** `next start` of the test build, against the suite's own database and Redis. */
export class FerryServer {
  private child: ChildProcess | undefined;
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
    readonly logFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  async start(): Promise<number> {
    await claimPort(this.port, 'server');
    const distDir = this.env.NEXT_DIST_DIR ?? '.next';
    if (!existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}: run npm test (it builds .next-test), or NEXT_DIST_DIR=${distDir} next build`);
    const env = { ...process.env, ...this.env, PORT: String(this.port), NODE_ENV: 'production' as const };
    this.child = run(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(this.port), '-H', '127.0.0.1'], this.logFile, env);
    return waitFor('next start', async () => (await fetch(`${this.url}/api/internal/stats`)).ok, 90_000, 250);
  }

  stop(): Promise<void> {
    return stop(this.child, 'SIGTERM');
  }
}

export async function tempDir(): Promise<string> {
  // Short: the MariaDB socket path must fit in 108 bytes.
  return mkdtemp(path.join(os.tmpdir(), 'ferry-faults-'));
}

export async function logDir(): Promise<string> {
  const dir = path.join(ROOT, 'var');
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
