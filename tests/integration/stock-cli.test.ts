import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, asc, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, skus } from '@/db/schema/catalog';
import { auditLog } from '@/db/schema/orders';
import { seedDemo } from '@/lib/demo/seed';
import { createTestDatabase } from '../support/test-database';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let mediaDir: string;

/** `ferry stock set …` as a user runs it; Redis points at a closed port (the CLI must not need it). */
async function ferry(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: handle.url, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_stock_cli');
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-stock-cli-'));
  await seedDemo(handle.db, { count: 2, mediaDir });
});

afterAll(async () => {
  await handle?.drop();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

describe('ferry stock set', () => {
  it('sets the stock, keeps held units withheld and prints the result as JSON', async () => {
    const [sku] = await handle.db.select({ id: skus.id, productId: skus.productId }).from(skus).where(gte(skus.stock, 10)).orderBy(asc(skus.id)).limit(1);
    await handle.db.update(skus).set({ reserved: 3 }).where(eq(skus.id, sku!.id));

    const result = await ferry('stock', 'set', '--sku', String(sku!.id), '--quantity', '7');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ skuId: sku!.id, stock: 7, reserved: 3, sellable: 4 });

    const [row] = await handle.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, sku!.id));
    expect(row!.stock).toBe(7);
    const [product] = await handle.db.select({ stockTotal: products.stockTotal }).from(products).where(eq(products.id, sku!.productId));
    const all = await handle.db.select({ stock: skus.stock }).from(skus).where(eq(skus.productId, sku!.productId));
    expect(product!.stockTotal).toBe(all.reduce((a, s) => a + s.stock, 0));
    const audit = await handle.db.select({ actorType: auditLog.actorType }).from(auditLog).where(and(eq(auditLog.action, 'stock.set'), eq(auditLog.subjectId, String(sku!.id))));
    expect(audit).toEqual([{ actorType: 'cli' }]);
  });

  it('refuses bad input with one line on stderr and a non-zero exit', async () => {
    const cases = [
      ['stock', 'set', '--sku', '1', '--quantity=-1'],
      ['stock', 'set', '--sku', '1', '--quantity', '2.5'],
      ['stock', 'set', '--sku', '1', '--quantity', '1e3'],
      ['stock', 'set', '--sku', 'abc', '--quantity', '1'],
      ['stock', 'set', '--quantity', '1'],
      ['stock', 'set', '--sku', '1'],
    ];
    for (const args of cases) {
      const result = await ferry(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^ferry: stock set: /);
    }
    // `--quantity -1` is refused by node's parseArgs before the command runs (its message spans lines).
    expect((await ferry('stock', 'set', '--sku', '1', '--quantity', '-1')).code).toBe(2);
  });

  it('reports an unknown SKU with exit code 1', async () => {
    const result = await ferry('stock', 'set', '--sku', '999999999', '--quantity', '5');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('ferry: SKU 999999999 does not exist');
  });
});
