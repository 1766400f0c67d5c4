import { isSettingKey, settingDefinitions, settingKeys, settingSchemas, type SettingKey, type SettingsChange } from './definitions';

export type ParsedSettingsForm = { ok: true; change: SettingsChange } | { ok: false; fields: SettingKey[] };

const WHOLE_NUMBER = /^\d{1,12}$/;

/**
 * The admin settings form (one field per setting, named by its key) as a change: every field given
 * must be a whole number within its setting's bounds; the fields that are not are listed so the
 * form can say so beside each one. Fields that are not settings (the locale) are ignored.
 */
export function parseSettingsForm(entries: Record<string, unknown>): ParsedSettingsForm {
  const change: Record<string, number> = {};
  const fields: SettingKey[] = [];
  for (const [name, raw] of Object.entries(entries)) {
    if (!isSettingKey(name)) continue;
    const text = typeof raw === 'string' ? raw.trim() : '';
    const parsed = WHOLE_NUMBER.test(text) ? settingSchemas[name].safeParse(Number(text)) : null;
    if (parsed?.success) change[name] = parsed.data;
    else fields.push(name);
  }
  if (fields.length > 0) return { ok: false, fields: settingKeys.filter((key) => fields.includes(key)) };
  return { ok: true, change: change as SettingsChange };
}

/** Bounds and default of each setting, for the form's inputs and hints. */
export function settingFields() {
  return settingKeys.map((key) => ({ key, ...settingDefinitions[key] }));
}
