import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql from 'mysql2/promise';
import * as schema from './schema';
import { countQuery } from './query-stats';

export type Database = MySql2Database<typeof schema>;

type Entry = { db: Database; pool: mysql.Pool };
const globalForDb = globalThis as unknown as { __ferryDb?: Map<string, Entry>; __ferryDbNames?: WeakMap<Database, string> };
const pools = (globalForDb.__ferryDb ??= new Map());
// Global like the pools: Next bundles this module more than once (page and server-action chunks),
// and a handle one copy created must still have its name in the other.
const names = (globalForDb.__ferryDbNames ??= new WeakMap());

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
    names.set(db, new URL(url).pathname.slice(1));
  }
  return entry.db;
}

/**
 * The database's name: namespaces what Ferry keeps outside it (Redis stock counters), so two
 * databases (tenants, or a test beside the demo) never share keys.
 */
export function databaseName(db: Database): string {
  const name = names.get(db);
  if (!name) throw new Error('Not a database handle from databaseFor()');
  return name;
}

export async function closeDatabases(): Promise<void> {
  const entries = [...pools.values()];
  pools.clear();
  await Promise.all(entries.map((e) => e.pool.end()));
}
