import { char, int, mediumtext, mysqlTable, primaryKey, smallint, varchar } from 'drizzle-orm/mysql-core';
import { at } from './columns';

/**
 * Open API keys. The secret signs requests (HMAC), so Ferry must be able to recompute it: it is kept
 * encrypted with AES-256-GCM under FERRY_SECRET_KEY, never in clear, and shown once at creation.
 */
export const partnerKeys = mysqlTable('partner_keys', {
  id: varchar('id', { length: 40 }).primaryKey(),
  name: varchar('name', { length: 120 }).notNull(),
  secretCiphertext: varchar('secret_ciphertext', { length: 255 }).notNull(),
  /** Requests per minute. */
  rateLimit: int('rate_limit').notNull().default(600),
  createdBy: varchar('created_by', { length: 254 }),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
  createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
});

/** `Idempotency-Key` on POST: the first response is stored and replayed; another body under the same key is a 422. */
export const apiIdempotency = mysqlTable(
  'api_idempotency',
  {
    partnerKeyId: varchar('partner_key_id', { length: 40 }).notNull(),
    key: varchar('idem_key', { length: 100 }).notNull(),
    requestHash: char('request_hash', { length: 64 }).notNull(),
    /** Null while the first request is still running. */
    responseStatus: smallint('response_status'),
    responseBody: mediumtext('response_body'),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.partnerKeyId, t.key] })],
);
