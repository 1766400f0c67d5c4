/**
 * JSON built in SQL (JSON_OBJECT / JSON_ARRAYAGG) arrives as text from MariaDB and as parsed values
 * from MySQL 8; accept both.
 */
export function readJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') return JSON.parse(value) as T;
  return value as T;
}
