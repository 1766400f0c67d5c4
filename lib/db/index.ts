import 'server-only';
import { cache } from 'react';
import { databaseFor, type Database } from '@/db/client';
import { getEnv } from '@/lib/env';

export type { Database };

/**
 * The only door to the data. Every read and write asks for the request's database here, so that
 * one-database-per-tenant later changes this resolver alone (tenant from the host name → its URL).
 */
export const getDb = cache((): Database => databaseFor(resolveDatabaseUrl()));

function resolveDatabaseUrl(): string {
  return getEnv().DATABASE_URL;
}
