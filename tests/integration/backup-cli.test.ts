import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFor } from '@/db/client';
import { dropDatabase } from '@/db/migrate';
import { products, productTranslations, skus } from '@/db/schema/catalog';
import { seedDemo } from '@/lib/demo/seed';
import { connectionArgs, findTool, restoreClientArgs, targetFromUrl, toolEnv } from '@/lib/backup/mysql-tools';
import { createTestDatabase } from '../support/test-database';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

let source: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
const targetUrl = `mysql://root@127.0.0.1:3306/ferry_test_restore_${process.pid}`;

async function ferry(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  source = await createTestDatabase('ferry_test_backup');
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-backup-'));
  await seedDemo(source.db, { count: 3, mediaDir: path.join(dir, 'media') });
});

afterAll(async () => {
  await source?.drop();
  await dropDatabase(targetUrl);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ferry backup create / restore', () => {
  let file: string;

  it('dumps the database with a manifest of exact row counts and a checksum', async () => {
    const result = await ferry(source.url, 'backup', 'create', '--dir', dir);
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(result.stdout) as { path: string; sha256: string; tables: Record<string, number>; migration: string | null };
    file = manifest.path;
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.tables.products).toBe(3);
    expect(manifest.tables.skus).toBeGreaterThan(0);
    expect(manifest.migration).not.toBeNull();
    const sidecar = JSON.parse(await readFile(`${file}.json`, 'utf8')) as { sha256: string };
    expect(sidecar.sha256).toBe(manifest.sha256);
  });

  it('restores into an empty database with every row, Chinese text intact', async () => {
    const result = await ferry(targetUrl, 'backup', 'restore', '--file', file);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ mismatches: [] });
    const restored = databaseFor(targetUrl);
    const [{ n }] = (await restored.select({ n: count() }).from(products)) as [{ n: number }];
    expect(n).toBe(3);
    const [original] = await source.db.select({ id: products.id, title: products.titleZh }).from(products).limit(1);
    const [copy] = await restored.select({ title: products.titleZh }).from(products).where(eq(products.id, original!.id));
    expect(copy!.title).toBe(original!.title);
    const [a] = (await source.db.select({ n: count() }).from(skus)) as [{ n: number }];
    const [b] = (await restored.select({ n: count() }).from(skus)) as [{ n: number }];
    expect(b!.n).toBe(a!.n);
    const [t] = (await restored.select({ n: count() }).from(productTranslations)) as [{ n: number }];
    expect(t!.n).toBeGreaterThan(3);
  });

  it('refuses to overwrite a database that holds tables unless --force', async () => {
    const refused = await ferry(targetUrl, 'backup', 'restore', '--file', file);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/already holds \d+ tables; pass --force/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const forced = await ferry(targetUrl, 'backup', 'restore', '--file', file, '--force');
    expect(forced.code, forced.stderr).toBe(0);
  });

  it('refuses a truncated or altered file before touching the database', async () => {
    const bytes = await readFile(file);
    const broken = path.join(dir, 'broken.sql.gz');
    await writeFile(broken, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await writeFile(`${broken}.json`, await readFile(`${file}.json`));
    const result = await ferry(targetUrl, 'backup', 'restore', '--file', broken, '--force');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/checksum/);
    // The earlier restore is still there.
    const [{ n }] = (await databaseFor(targetUrl).select({ n: count() }).from(products)) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('refuses a dump that holds mariadb client commands (a shell escape), even with a valid checksum, before touching anything', async () => {
    const marker = path.join(dir, 'pwned');
    // mariadb-dump's first line turns the client's sandbox mode on; whoever plants a command drops it.
    const sql = gunzipSync(await readFile(file))
      .toString('utf8')
      .replace(/^\/\*M!999999\\- enable the sandbox mode \*\/ ?\n/, '');
    expect(sql.startsWith('/*M!')).toBe(false);
    // Planted after the first table so that a restore which ran it would already have replaced data.
    const at = sql.indexOf('UNLOCK TABLES;') + 'UNLOCK TABLES;'.length;
    const hostile = path.join(dir, 'hostile.sql.gz');
    const [{ id: firstProductId }] = (await databaseFor(targetUrl).select({ id: products.id }).from(products).limit(1)) as [{ id: number }];
    for (const command of [`\\! touch ${marker}`, `system touch ${marker}`, `SELECT 1; \\! touch ${marker}`]) {
      const bytes = gzipSync(Buffer.from(`${sql.slice(0, at)}\n${command}\n${sql.slice(at)}`));
      await writeFile(hostile, bytes);
      const manifest = JSON.parse(await readFile(`${file}.json`, 'utf8')) as Record<string, unknown>;
      // Whoever plants the command can rewrite the manifest too: the checksum is not what stops it.
      await writeFile(`${hostile}.json`, JSON.stringify({ ...manifest, file: 'hostile.sql.gz', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }));
      await databaseFor(targetUrl).update(products).set({ titleZh: 'before the hostile restore' }).where(eq(products.id, firstProductId));

      const result = await ferry(targetUrl, 'backup', 'restore', '--file', hostile, '--force');
      expect(result.code, command).toBe(1);
      expect(result.stderr).toMatch(/client command at line \d+.*nothing was restored/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      await expect(stat(marker)).rejects.toThrow(/ENOENT/);
      // The database was neither dropped nor reloaded.
      const [row] = await databaseFor(targetUrl).select({ title: products.titleZh }).from(products).where(eq(products.id, firstProductId));
      expect(row!.title).toBe('before the hostile restore');
    }
  });

  it('runs the client so that it obeys no command of its own even if one got past the scan (second fence)', async () => {
    const marker = path.join(dir, 'fence');
    const target = targetFromUrl(targetUrl);
    const client = findTool(['mariadb', 'mysql']);
    const safety = restoreClientArgs(client);
    expect(safety.leading).toEqual(['--no-defaults']);
    expect(safety.trailing).toContain('--binary-mode');
    const child = spawn(client, [...safety.leading, ...connectionArgs(target), ...safety.trailing, target.database], { env: toolEnv(target), stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin.end(`SELECT 1;\n\\! touch ${marker}\nsystem touch ${marker}\n`);
    await new Promise((resolve) => child.on('close', resolve));
    await expect(stat(marker)).rejects.toThrow(/ENOENT/);
  });

  it('answers usage errors with one line and a non-zero exit', async () => {
    const missing = await ferry(targetUrl, 'backup', 'restore');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--file/);
    const noManifest = path.join(dir, 'plain.sql.gz');
    await writeFile(noManifest, 'x');
    const result = await ferry(targetUrl, 'backup', 'restore', '--file', noManifest);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/manifest/);
  });
});
