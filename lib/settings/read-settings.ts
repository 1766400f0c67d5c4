import 'server-only';
import { databaseName, type Database } from '@/db/client';
import { settings as settingsTable } from '@/db/schema/settings';
import { settingsFromRows, type SettingKey, type Settings } from './definitions';

/** How long a process reuses what it read: a checkout reads the caps without a query, and a change reaches every server within this. */
export const SETTINGS_CACHE_MS = 5_000;

type Cached = { settings: Settings; readAt: number };
// On globalThis like the database pools: Next bundles this module into several chunks (pages,
// server actions), and a save from an action must clear the cache the pages read.
const globalSettings = globalThis as unknown as { __ferrySettings?: Map<string, Cached> };
const cache = (globalSettings.__ferrySettings ??= new Map());

/**
 * The agent's settings in `db` (each tenant's own), defaults filled in. Cached per database for
 * SETTINGS_CACHE_MS; `fresh` reads the table (the admin's settings page).
 */
export async function getSettings(db: Database, options: { fresh?: boolean; now?: number } = {}): Promise<Settings> {
  const scope = databaseName(db);
  const now = options.now ?? Date.now();
  const cached = cache.get(scope);
  if (!options.fresh && cached && now - cached.readAt < SETTINGS_CACHE_MS) return cached.settings;
  const rows = await db.select({ key: settingsTable.key, value: settingsTable.value }).from(settingsTable);
  const { settings, invalid } = settingsFromRows(rows);
  if (invalid.length > 0) console.warn(`[settings] stored values out of bounds, using defaults: ${invalid.join(', ')}`);
  cache.set(scope, { settings, readAt: now });
  return settings;
}

export async function getSetting<K extends SettingKey>(db: Database, key: K): Promise<Settings[K]> {
  return (await getSettings(db))[key];
}

/** Forgets what this process read from `db` (after a save here; other processes catch up within SETTINGS_CACHE_MS). */
export function forgetSettings(db: Database): void {
  cache.delete(databaseName(db));
}
