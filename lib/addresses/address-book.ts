import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { addresses, users } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { addressFieldErrors, shippingAddressSchema, type ShippingAddress, type ShippingAddressInput } from './address-schema';

export const MAX_ADDRESSES_PER_USER = 20;

export type SavedAddress = ShippingAddress & { id: number; isDefault: boolean };

const columns = {
  id: addresses.id,
  name: addresses.name,
  line1: addresses.line1,
  line2: addresses.line2,
  city: addresses.city,
  region: addresses.region,
  postalCode: addresses.postalCode,
  country: addresses.country,
  phone: addresses.phone,
  isDefault: addresses.isDefault,
};

type Row = Omit<SavedAddress, 'isDefault'> & { isDefault: number };

const toSaved = (row: Row): SavedAddress => ({ ...row, isDefault: row.isDefault === 1 });

function parseAddress(input: ShippingAddressInput): ShippingAddress {
  const parsed = shippingAddressSchema.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', 'Invalid address', { fieldErrors: addressFieldErrors(parsed.error) });
  return parsed.data;
}

const notFound = () => new AppError('not_found', 'Address not found');

/** The user's addresses, default first, then newest. */
export async function listAddresses(db: Database, userId: number): Promise<SavedAddress[]> {
  const rows = await db.select(columns).from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), desc(addresses.id));
  return rows.map(toSaved);
}

/** One of the user's addresses; another user's id → AppError('not_found'). */
export async function getAddress(db: Database, userId: number, addressId: number): Promise<SavedAddress> {
  const [row] = await db
    .select(columns)
    .from(addresses)
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .limit(1);
  if (!row) throw notFound();
  return toSaved(row);
}

/**
 * Adds an address (at most MAX_ADDRESSES_PER_USER; AppError('conflict') past it). The first
 * address, or one saved with `isDefault`, becomes the default. The user's row is locked for the
 * count, so two tabs saving at once cannot pass the limit together.
 */
export async function createAddress(db: Database, userId: number, input: ShippingAddressInput, options: { isDefault?: boolean } = {}): Promise<SavedAddress> {
  const address = parseAddress(input);
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!owner) throw new AppError('not_found', 'User not found');
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(addresses).where(eq(addresses.userId, userId));
    if (n >= MAX_ADDRESSES_PER_USER) {
      throw new AppError('conflict', `An address book holds at most ${MAX_ADDRESSES_PER_USER} addresses`, { reason: 'address_limit' });
    }
    const isDefault = options.isDefault === true || n === 0;
    if (isDefault) await tx.update(addresses).set({ isDefault: 0 }).where(eq(addresses.userId, userId));
    const [row] = await tx.insert(addresses).values({ ...address, userId, isDefault: isDefault ? 1 : 0 }).$returningId();
    return { ...address, id: row!.id, isDefault };
  });
}

/** Replaces the address's fields; `isDefault: true` also makes it the default. Another user's id → AppError('not_found'). */
export async function updateAddress(
  db: Database,
  userId: number,
  addressId: number,
  input: ShippingAddressInput,
  options: { isDefault?: boolean } = {},
): Promise<SavedAddress> {
  const address = parseAddress(input);
  await db.transaction(async (tx) => {
    const [result] = await tx
      .update(addresses)
      .set(address)
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
    // affectedRows counts matched rows (mysql2 sets FOUND_ROWS), so an unchanged save still finds its row.
    if (result.affectedRows === 0) throw notFound();
    if (options.isDefault) await makeDefault(tx, userId, addressId);
  });
  return getAddress(db, userId, addressId);
}

/** Deletes the address; if it was the default, the newest remaining one becomes the default. */
export async function deleteAddress(db: Database, userId: number, addressId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ isDefault: addresses.isDefault })
      .from(addresses)
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .for('update');
    if (!row) throw notFound();
    await tx.delete(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
    if (row.isDefault === 1) {
      const [next] = await tx.select({ id: addresses.id }).from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.id)).limit(1);
      if (next) await tx.update(addresses).set({ isDefault: 1 }).where(eq(addresses.id, next.id));
    }
  });
}

export async function setDefaultAddress(db: Database, userId: number, addressId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .for('update');
    if (!owned) throw notFound();
    await makeDefault(tx, userId, addressId);
  });
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function makeDefault(tx: Tx, userId: number, addressId: number): Promise<void> {
  await tx
    .update(addresses)
    .set({ isDefault: sql`(${addresses.id} = ${addressId})` })
    .where(eq(addresses.userId, userId));
}
