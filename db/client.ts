import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql from 'mysql2/promise';
import * as schema from './schema';
import { countQuery } from '@/lib/db/query-stats';

export type Database = MySql2Database<typeof schema>;

type Entry = { db: Database; pool: mysql.Pool };
const globalForDb = globalThis as unknown as { __ferryDb?: Map<string, Entry> };
const pools = (globalForDb.__ferryDb ??= new Map());

/**
 * One pool per database URL for the whole process (one URL per tenant later). DECIMAL columns come
 * back as strings and are kept that way (rates are never floats).
 */
export function databaseFor(url: string): Database {
  let entry = pools.get(url);
  if (!entry) {
    const pool = mysql.createPool({
      uri: url,
      connectionLimit: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      supportBigNumbers: true,
      decimalNumbers: false,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
    });
    const db = drizzle(pool, { schema, mode: 'default', logger: { logQuery: countQuery } });
    entry = { db, pool };
    pools.set(url, entry);
  }
  return entry.db;
}

export async function closeDatabases(): Promise<void> {
  const entries = [...pools.values()];
  pools.clear();
  await Promise.all(entries.map((e) => e.pool.end()));
}
