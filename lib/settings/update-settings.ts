import 'server-only';
import type { Database } from '@/db/client';
import { settings as settingsTable } from '@/db/schema/settings';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { settingsChangeSchema, settingKeys, settingsFromRows, type SettingKey, type Settings } from './definitions';
import { forgetSettings } from './read-settings';

export type SettingsUpdate = { settings: Settings; changed: SettingKey[] };

/**
 * Saves some settings: each value is checked against its definition (unknown keys and values out of
 * bounds → validation_failed naming the fields, nothing saved), then, in one transaction, the keys
 * whose value changed are written with one audit record listing old and new values. The current
 * rows are read with a lock, so two staff saving at once each see the other's values in their audit.
 */
export async function updateSettings(db: Database, change: unknown, actor: Actor): Promise<SettingsUpdate> {
  const parsed = settingsChangeSchema.safeParse(change);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : String(issue.path[0] ?? ''))))];
    throw new AppError('validation_failed', `Invalid settings: ${fields.join(', ')}`, { fields });
  }
  const values = parsed.data as Partial<Settings>;
  const result = await db.transaction(async (tx) => {
    const rows = await tx.select({ key: settingsTable.key, value: settingsTable.value }).from(settingsTable).for('update');
    const current = settingsFromRows(rows).settings;
    const changed = settingKeys.filter((key) => values[key] !== undefined && values[key] !== current[key]);
    if (changed.length === 0) return { settings: current, changed };
    const updatedBy = actor.label ?? (actor.id === undefined || actor.id === null ? actor.type : String(actor.id));
    for (const key of changed) {
      const row = { value: values[key], updatedBy, updatedAt: new Date() };
      await tx.insert(settingsTable).values({ key, ...row }).onDuplicateKeyUpdate({ set: row });
    }
    const details = Object.fromEntries(changed.map((key) => [key, { from: current[key], to: values[key] }]));
    await recordAudit(tx, actor, 'settings.updated', { type: 'settings', id: 'agent' }, details);
    return { settings: { ...current, ...values } as Settings, changed };
  });
  forgetSettings(db);
  return result;
}
