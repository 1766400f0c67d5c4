import { bigint, char, datetime, int } from 'drizzle-orm/mysql-core';

/** Ids are bigint unsigned auto-increment: drizzle's serial() breaks on MariaDB. */
export const id = () => bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey();
export const ref = (name: string) => bigint(name, { mode: 'number', unsigned: true });
/** Money is an integer count of minor units; the currency sits in a column beside it. */
export const minor = (name: string) => bigint(name, { mode: 'number' });
export const at = (name: string) => datetime(name, { mode: 'date', fsp: 3 });
export const timestamps = {
  createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  updatedAt: at('updated_at')
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
};

/**
 * A private photo's row (QC photos of an item, photos of a packed parcel): its key in the private
 * photo store (lib/warehouse/photos), its size, the kept original's bytes, and who took it (staff
 * user id; null through the CLI).
 */
export const photoColumns = () => ({
  storageKey: char('storage_key', { length: 32 }).notNull(),
  width: int('width').notNull(),
  height: int('height').notNull(),
  bytes: int('bytes').notNull(),
  uploadedBy: ref('uploaded_by'),
  createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
});
