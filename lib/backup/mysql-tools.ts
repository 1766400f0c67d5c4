import 'server-only';
import { spawnSync } from 'node:child_process';

/** Connection settings of a mysql:// URL, as the mariadb/mysql command-line tools take them. */
export type DumpTarget = { host: string; port: string; user: string; password: string; database: string };

export function targetFromUrl(url: string): DumpTarget {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Invalid database name in DATABASE_URL: ${database}`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port || '3306',
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** Arguments every client tool shares. The password travels in MYSQL_PWD, never on the command line (ps would show it). */
export function connectionArgs(t: DumpTarget): string[] {
  return [`--host=${t.host}`, `--port=${t.port}`, `--user=${t.user}`, '--protocol=TCP', '--default-character-set=utf8mb4'];
}

export function toolEnv(t: DumpTarget): NodeJS.ProcessEnv {
  return { ...process.env, MYSQL_PWD: t.password };
}

/** MariaDB ships `mariadb-dump`/`mariadb`; MySQL servers `mysqldump`/`mysql`. Whichever is installed. */
export function findTool(names: readonly string[]): string {
  for (const name of names) {
    const probe = spawnSync(name, ['--version'], { stdio: 'ignore' });
    if (probe.status === 0) return name;
  }
  throw new Error(`None of ${names.join(', ')} is installed (Debian: apt-get install -y mariadb-client)`);
}

const safetyArgs = new Map<string, string[]>();

/**
 * Options that make the client read a dump as data only: `--no-defaults` (no option file can add a
 * pager or an init command; it has to come first), `--binary-mode` (the client stops obeying its own
 * commands in piped input, except charset and DELIMITER) and, where the client has it (MariaDB since
 * 10.5.25/10.6.18/10.11.8), `--sandbox` (no shell, file or connection commands at all).
 */
export function restoreClientArgs(client: string): { leading: string[]; trailing: string[] } {
  let trailing = safetyArgs.get(client);
  if (!trailing) {
    const help = spawnSync(client, ['--no-defaults', '--help'], { encoding: 'utf8' });
    trailing = ['--binary-mode', ...(/--sandbox\b/.test(help.stdout ?? '') ? ['--sandbox'] : [])];
    safetyArgs.set(client, trailing);
  }
  return { leading: ['--no-defaults'], trailing };
}
