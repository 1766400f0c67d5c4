import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { fxRates } from '@/db/schema/fx';
import { queryCount } from '@/db/query-stats';
import { refreshRates } from '@/lib/fx/refresh';
import { snapshotProvider } from '@/lib/fx/snapshot';
import { getLatestRates, saveRates } from '@/lib/fx/store';
import { SUPPORTED_CURRENCIES } from '@/lib/money/currencies';

// A throwaway database per run, so the test never touches (or depends on) the demo data.
const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry_test');
const dbName = `ferry_test_fx_${randomBytes(4).toString('hex')}`;
const url = `${server.protocol}//${server.username}${server.password ? `:${server.password}` : ''}@${server.host}/${dbName}`;
const adminUrl = `${server.protocol}//${server.username}${server.password ? `:${server.password}` : ''}@${server.host}/`;

let db: Database;

beforeAll(async () => {
  const admin = await mysql.createConnection(adminUrl);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  db = databaseFor(url);
  await migrate(db, { migrationsFolder: path.resolve(import.meta.dirname, '../../db/migrations') });
});

afterAll(async () => {
  await closeDatabases();
  const admin = await mysql.createConnection(adminUrl);
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.end();
});

const older = new Date('2026-11-26T15:00:00.000Z');
const newer = new Date('2026-11-27T15:00:00.000Z');

describe('fx store', () => {
  it('refreshes from the snapshot and reads the newest rate per currency in one query', async () => {
    const first = await refreshRates(db, snapshotProvider({ capturedAt: older, rates: { USD: '1.1500' } }));
    expect(first).toMatchObject({ provider: 'snapshot', source: 'ecb-snapshot', base: 'CNY', inserted: SUPPORTED_CURRENCIES.length, skipped: 0, missing: [] });
    const second = await refreshRates(db, snapshotProvider({ capturedAt: newer }));
    expect(second.inserted).toBe(SUPPORTED_CURRENCIES.length);

    const before = queryCount();
    const table = await getLatestRates(db);
    expect(queryCount() - before).toBe(1);

    expect(table.base).toBe('CNY');
    expect(Object.keys(table.rates).sort()).toEqual([...SUPPORTED_CURRENCIES].sort());
    for (const entry of Object.values(table.rates)) {
      expect(entry.capturedAt).toBe(newer.toISOString());
      expect(typeof entry.rate).toBe('string');
      expect(entry.rate).toMatch(/^\d+(\.\d{1,12})?$/);
    }
    // The newer capture's USD (bundled 1.1718 vs the older override 1.1500) won, string for string.
    expect(table.rates.USD?.rate).toBe(second.rates.USD);
    expect(table.rates.USD?.rate).not.toBe(first.rates.USD);
    expect(table.rates.CNY).toMatchObject({ rate: '1', source: 'ecb-snapshot' });
    expect(table.rates.AED?.source).toBe('ecb-snapshot+usd-peg');
    expect(table.rates.JPY?.source).toBe('ecb-snapshot');
  });

  it('skips rows already stored for the same pair and capture time', async () => {
    const countRows = async () => Number((await db.select({ n: sql<number>`count(*)` }).from(fxRates))[0]?.n);
    const countBefore = await countRows();
    const again = await refreshRates(db, snapshotProvider({ capturedAt: newer }));
    expect(again).toMatchObject({ inserted: 0, skipped: SUPPORTED_CURRENCIES.length });
    expect(await countRows()).toBe(countBefore);
    expect(countBefore).toBe(2 * SUPPORTED_CURRENCIES.length);
  });

  it('prefers the later insert when a capture time is corrected', async () => {
    const saved = await saveRates(db, [{ base: 'CNY', quote: 'GBP', rate: '0.105', source: 'manual', capturedAt: newer }]);
    expect(saved).toEqual({ inserted: 1, skipped: 0 });
    const table = await getLatestRates(db);
    expect(table.rates.GBP).toEqual({ rate: '0.105', source: 'manual', capturedAt: newer.toISOString() });
  });

  it('refuses a rate the DECIMAL(24,12) column would silently round', async () => {
    await expect(
      saveRates(db, [{ base: 'CNY', quote: 'USD', rate: '0.1234567890123', source: 'x', capturedAt: newer }]),
    ).rejects.toThrow(/DECIMAL\(24,12\)/);
  });
});
