import 'server-only';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { manifestPathFor, type BackupManifest } from './manifest';
import { connectionArgs, findTool, targetFromUrl, toolEnv } from './mysql-tools';
import { readTableCounts } from './table-counts';

/**
 * A consistent, compressed logical dump of Ferry's database: `mariadb-dump --single-transaction`
 * (one InnoDB snapshot, no table locks, so the shop keeps selling while it runs), gzip, and a
 * manifest with the checksum and exact row counts. Redis is not backed up: it only holds caches and
 * counters that rebuild from the database (restore drops them). The dump names no database, so it
 * restores into whichever database DATABASE_URL names.
 */
export async function createBackup(url: string, options: { dir: string; file?: string }): Promise<BackupManifest & { path: string; seconds: number }> {
  const started = Date.now();
  const target = targetFromUrl(url);
  const dump = findTool(['mariadb-dump', 'mysqldump']);
  await mkdir(options.dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = options.file ?? `ferry-${target.database}-${stamp}.sql.gz`;
  if (path.basename(file) !== file || !file.endsWith('.sql.gz')) throw new Error('The backup file name must be a plain name ending in .sql.gz');
  const finalPath = path.join(options.dir, file);
  const partial = `${finalPath}.partial`;

  // Counts first, then the dump: rows written in between show up as a difference restore reports.
  const before = await readTableCounts(url);
  const child = spawn(
    dump,
    [...connectionArgs(target), '--single-transaction', '--quick', '--routines', '--triggers', '--hex-blob', '--no-tablespaces', target.database],
    { env: toolEnv(target), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(child.stdout, createGzip({ level: 6 }), tap, createWriteStream(partial));
  const code = await exited;
  if (code !== 0) throw new Error(`${dump} failed (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`);
  await rename(partial, finalPath);

  const manifest: BackupManifest = {
    format: 'ferry-backup/1',
    database: target.database,
    createdAt: new Date(started).toISOString(),
    file,
    bytes: (await stat(finalPath)).size,
    sha256: hash.digest('hex'),
    migration: before.migration,
    tables: before.tables,
  };
  await writeFile(manifestPathFor(finalPath), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, path: finalPath, seconds: Math.round((Date.now() - started) / 100) / 10 };
}
