import { char, index, int, mysqlEnum, mysqlTable, text, tinyint, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, ref, timestamps } from './columns';

export const roles = ['customer', 'purchaser', 'warehouse', 'service', 'finance', 'admin'] as const;
export type Role = (typeof roles)[number];

export const users = mysqlTable(
  'users',
  {
    id: id(),
    email: varchar('email', { length: 254 }).notNull(),
    /** argon2id PHC string. */
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    name: varchar('name', { length: 120 }),
    role: mysqlEnum('role', roles).notNull().default('customer'),
    locale: varchar('locale', { length: 10 }).notNull().default('en'),
    isDisabled: tinyint('is_disabled').notNull().default(0),
    /**
     * Copied into the session JWT at sign-in and compared on every session read: a password reset
     * or "sign out everywhere" increments it, which ends every session issued before.
     */
    sessionVersion: int('session_version', { unsigned: true }).notNull().default(0),
    /**
     * The shopper lets the QC photos of their items appear on the product's page ("Photos from our
     * warehouse"), with the options and weight only, never a name or an order. On by default; revocable.
     */
    shareQcPhotos: tinyint('share_qc_photos').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/** Reset tokens are stored as SHA-256 hashes: a database leak does not let anyone reset a password. */
export const passwordResetTokens = mysqlTable(
  'password_reset_tokens',
  {
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    userId: ref('user_id').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('password_reset_user_idx').on(t.userId)],
);

export const addresses = mysqlTable(
  'addresses',
  {
    id: id(),
    userId: ref('user_id').notNull(),
    name: varchar('name', { length: 120 }).notNull(),
    line1: varchar('line1', { length: 200 }).notNull(),
    line2: varchar('line2', { length: 200 }),
    city: varchar('city', { length: 120 }).notNull(),
    region: varchar('region', { length: 120 }),
    postalCode: varchar('postal_code', { length: 20 }),
    country: char('country', { length: 2 }).notNull(),
    /** E.164. */
    phone: varchar('phone', { length: 20 }).notNull(),
    isDefault: tinyint('is_default').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('addresses_user_idx').on(t.userId)],
);

export const emailStatus = ['queued', 'sent', 'failed', 'stored'] as const;

/** Every message Ferry sends, whatever the transport: staff can read what went out (and the offline default keeps them here). */
export const emailOutbox = mysqlTable(
  'email_outbox',
  {
    id: id(),
    to: varchar('to_address', { length: 254 }).notNull(),
    subject: varchar('subject', { length: 255 }).notNull(),
    text: text('body_text').notNull(),
    template: varchar('template', { length: 64 }).notNull(),
    transport: varchar('transport', { length: 16 }).notNull(),
    status: mysqlEnum('status', emailStatus).notNull().default('queued'),
    error: varchar('error', { length: 255 }),
    /** Set by senders that may run twice (an event subscriber): the second run finds the first's row. */
    idempotencyKey: varchar('idempotency_key', { length: 100 }),
    sentAt: at('sent_at'),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt), uniqueIndex('email_outbox_idempotency_uq').on(t.idempotencyKey)],
);
