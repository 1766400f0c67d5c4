import 'server-only';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { escape } from 'mysql2';
import type { Database } from '@/db/client';

/*
 * Multi-row statements written as one SQL string. Drizzle builds an insert of 10,000 search terms
 * parameter by parameter (an `is()` check per value): profiling the import of 2,000 products put
 * a fifth of its CPU there. Values here are escaped by mysql2's own escaper, and column names come
 * from the drizzle table, so a misspelt key is a type error rather than a runtime one.
 */

/** A JSON column value (MariaDB stores JSON as checked text). */
export type JsonValue = { json: unknown };
export type SqlValue = string | number | boolean | null | Date | JsonValue;
export const asJson = (value: unknown): JsonValue => ({ json: value });

type Keys<T extends MySqlTable> = readonly (keyof T['$inferInsert'] & string)[];

/** DATETIME(3) in UTC, as the pool reads them (timezone 'Z'), whatever the process's TZ. */
export function datetimeLiteral(date: Date): string {
  return `'${date.toISOString().slice(0, 23).replace('T', ' ')}'`;
}

export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (value instanceof Date) return datetimeLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return escape(value);
  return escape(JSON.stringify(value.json));
}

export function columnNames<T extends MySqlTable>(table: T, keys: Keys<T>): string[] {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return keys.map((k) => columns[k]!.name);
}

const quote = (name: string) => `\`${name}\``;

/** `col = VALUES(col)` for each key: ON DUPLICATE KEY UPDATE assignments taking the new row. */
export function takeNew<T extends MySqlTable>(table: T, keys: Keys<T>): string[] {
  return columnNames(table, keys).map((c) => `${quote(c)} = VALUES(${quote(c)})`);
}

/** Statements stay well under MariaDB's 16 MiB max_allowed_packet. */
const MAX_STATEMENT_CHARS = 4_000_000;

/**
 * INSERT of many rows (each an array in `keys` order), split into statements of at most
 * `chunkRows` rows and a few MB. `onDuplicate` holds raw assignments, applied left to right.
 */
export async function insertRows<T extends MySqlTable>(
  db: Database,
  table: T,
  keys: Keys<T>,
  rows: readonly SqlValue[][],
  options: { onDuplicate?: readonly string[]; ignore?: boolean; chunkRows?: number } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const head = `INSERT ${options.ignore ? 'IGNORE ' : ''}INTO ${quote(getTableName(table))} (${columnNames(table, keys).map(quote).join(', ')}) VALUES `;
  const tail = options.onDuplicate?.length ? ` ON DUPLICATE KEY UPDATE ${options.onDuplicate.join(', ')}` : '';
  const chunkRows = options.chunkRows ?? 2000;
  let values: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (values.length === 0) return;
    await db.execute(sql.raw(head + values.join(', ') + tail));
    values = [];
    chars = 0;
  };
  for (const row of rows) {
    if (row.length !== keys.length) throw new Error(`Row has ${row.length} values for ${keys.length} columns`);
    const text = `(${row.map(sqlLiteral).join(', ')})`;
    values.push(text);
    chars += text.length + 2;
    if (values.length >= chunkRows || chars >= MAX_STATEMENT_CHARS) await flush();
  }
  await flush();
}

/**
 * `UPDATE t SET a = CASE id WHEN … END, … WHERE id IN (…)`: different values for many rows by
 * primary key in one statement (an upsert would need every NOT NULL column of the row).
 */
export async function updateByIds<T extends MySqlTable>(db: Database, table: T, keys: Keys<T>, rows: readonly { id: number; values: SqlValue[] }[], chunkRows = 1000): Promise<void> {
  const names = columnNames(table, keys);
  for (let i = 0; i < rows.length; i += chunkRows) {
    const chunk = rows.slice(i, i + chunkRows);
    const sets = names.map((name, k) => `${quote(name)} = CASE \`id\` ${chunk.map((r) => `WHEN ${r.id} THEN ${sqlLiteral(r.values[k]!)}`).join(' ')} END`);
    await db.execute(sql.raw(`UPDATE ${quote(getTableName(table))} SET ${sets.join(', ')} WHERE \`id\` IN (${chunk.map((r) => r.id).join(', ')})`));
  }
}
