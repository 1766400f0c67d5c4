import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';

/**
 * `ON DUPLICATE KEY UPDATE` assignments that take each listed column from the row being inserted
 * (`col = values(col)`), for multi-row upserts. Drizzle emits assignments in table column order and
 * MySQL applies them left to right, so an assignment must never read a column another one changes.
 */
export function takeInserted<T extends MySqlTable>(table: T, keys: readonly (keyof T['$inferInsert'] & string)[]): Record<string, SQL> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return Object.fromEntries(keys.map((k) => [k, sql.raw(`values(\`${columns[k]!.name}\`)`)]));
}
