import { json, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { at } from './columns';

/**
 * Settings an agent tunes from the admin (time windows, caps, later storage days and photo counts):
 * one row per key, the value as JSON. What keys exist, their types, bounds and defaults live in
 * lib/settings/definitions.ts; a key without a row has its default, so a new setting needs no
 * migration. Per database, so each tenant has its own.
 */
export const settings = mysqlTable('settings', {
  key: varchar('setting_key', { length: 64 }).primaryKey(),
  value: json('value').$type<unknown>().notNull(),
  updatedBy: varchar('updated_by', { length: 254 }),
  updatedAt: at('updated_at')
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
});
