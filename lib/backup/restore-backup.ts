import 'server-only';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Redis } from '@upstash/redis';
import mysql from 'mysql2/promise';
import { AppError } from '@/lib/errors';
import { backupManifestSchema, manifestPathFor, type BackupManifest } from './manifest';
import { findClientCommand, type ClientCommand } from './dump-guard';
import { connectionArgs, findTool, restoreClientArgs, targetFromUrl, toolEnv, type DumpTarget } from './mysql-tools';
import { readTableCounts } from './table-counts';

/** `countersDropped` is null when Redis could not be reached (the counters then expire on their own TTL). */
export type RestoreResult = { database: string; file: string; tables: number; rows: number; mismatches: string[]; countersDropped: number | null; seconds: number };

/**
 * Loads a dump made by createBackup into the database DATABASE_URL names. Checks the manifest, the
 * file's checksum and that the dump holds no client command (shell escapes…) before touching
 * anything; refuses a database that already holds tables unless `force` (then it is dropped and
 * recreated, so no table of the old data survives beside the new).
 * Afterwards every table's row count is compared with the manifest, and the Redis stock counters of
 * that database are dropped so they reload from the restored rows.
 */
export async function restoreBackup(url: string, redis: Redis | null, options: { file: string; force?: boolean }): Promise<RestoreResult> {
  const started = Date.now();
  const target = targetFromUrl(url);
  const manifest = await readManifest(options.file);
  await verifyChecksum(options.file, manifest);
  await refuseClientCommands(options.file);

  await prepareDatabase(target, url, options.force === true);
  const client = findTool(['mariadb', 'mysql']);
  const safety = restoreClientArgs(client);
  const child = spawn(client, [...safety.leading, ...connectionArgs(target), ...safety.trailing, target.database], {
    env: toolEnv(target),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  await pipeline(createReadStream(options.file), createGunzip(), child.stdin);
  const code = await exited;
  if (code !== 0) throw new Error(`${client} failed (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`);

  const after = await readTableCounts(url);
  const mismatches = Object.entries(manifest.tables)
    .filter(([table, rows]) => after.tables[table] !== rows)
    .map(([table, rows]) => `${table}: ${after.tables[table] ?? 'missing'} rows, backup listed ${rows}`);
  let countersDropped: number | null = null;
  if (redis) {
    countersDropped = await dropStockCounters(redis, target.database).catch((error: Error) => {
      console.warn(`[backup] stock counters of ${target.database} not dropped (${error.message}); they expire on their own`);
      return null;
    });
  }
  return {
    database: target.database,
    file: manifest.file,
    tables: Object.keys(after.tables).length,
    rows: Object.values(after.tables).reduce((a, b) => a + b, 0),
    mismatches,
    countersDropped,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

async function readManifest(file: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(manifestPathFor(file), 'utf8');
  } catch {
    throw new AppError('validation_failed', `No manifest next to the backup (${manifestPathFor(file)}): only files made by "ferry backup create" can be restored`);
  }
  const parsed = backupManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('validation_failed', `The manifest ${manifestPathFor(file)} is not a Ferry backup manifest`);
  return parsed.data;
}

async function verifyChecksum(file: string, manifest: BackupManifest): Promise<void> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    throw new AppError('not_found', `Cannot read the backup file ${file}`);
  }
  if (hash.digest('hex') !== manifest.sha256) throw new AppError('validation_failed', 'The backup file does not match its manifest checksum (truncated or altered); nothing was restored');
}

/**
 * A checksum only proves the file is the one its manifest describes, not who wrote both: the dump is
 * read whole before anything is dropped or loaded, and refused if it holds a command the client
 * itself would run (a shell escape, `source`, `tee`, `connect`, …; see dump-guard.ts).
 */
async function refuseClientCommands(file: string): Promise<void> {
  let found: ClientCommand | null;
  const source = createReadStream(file);
  const dump = createGunzip();
  source.on('error', (error) => dump.destroy(error));
  try {
    found = await findClientCommand(source.pipe(dump));
  } catch {
    throw new AppError('validation_failed', `Cannot read the backup file ${file} as a gzipped dump; nothing was restored`);
  } finally {
    source.destroy();
  }
  if (found) {
    throw new AppError(
      'validation_failed',
      `The dump holds a mariadb client command at line ${found.line} (${JSON.stringify(found.command)}), which "ferry backup create" never writes; nothing was restored`,
      { line: found.line },
    );
  }
}

async function prepareDatabase(target: DumpTarget, url: string, force: boolean): Promise<void> {
  const server = new URL(url);
  server.pathname = '/';
  const conn = await mysql.createConnection({ uri: server.toString() });
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ?', [target.database]);
    const tables = Number(rows[0]!.n);
    if (tables > 0 && !force) {
      throw new AppError('conflict', `Database ${target.database} already holds ${tables} tables; pass --force to replace it`);
    }
    if (tables > 0) await conn.query(`DROP DATABASE \`${target.database}\``);
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

async function dropStockCounters(redis: Redis, scope: string): Promise<number> {
  let cursor: string | number = 0;
  let dropped = 0;
  do {
    const [next, keys]: [string | number, string[]] = await redis.scan(cursor, { match: `inv:${scope}:*`, count: 1000 });
    if (keys.length > 0) dropped += await redis.del(...keys);
    cursor = next;
  } while (String(cursor) !== '0');
  return dropped;
}
