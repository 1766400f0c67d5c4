import { isSettingKey, settingDefinitions, settingKeys, settingSchemas, type SettingKey, type SettingsChange } from './definitions';

export type ParsedSettingsForm = { ok: true; change: SettingsChange } | { ok: false; fields: SettingKey[] };

const WHOLE_NUMBER = /^\d{1,12}$/;

/**
 * The admin settings form (one field per setting, named by its key) as a change: every number field
 * given must be a whole number within its setting's bounds, every text field (trimmed) fit its
 * length and shape; the fields that are not are listed so the form can say so beside each one.
 * Fields that are not settings (the locale) are ignored.
 */
export function parseSettingsForm(entries: Record<string, unknown>): ParsedSettingsForm {
  const change: Record<string, number | string> = {};
  const fields: SettingKey[] = [];
  for (const [name, raw] of Object.entries(entries)) {
    if (!isSettingKey(name)) continue;
    const text = typeof raw === 'string' ? raw.trim() : '';
    const parsed =
      settingDefinitions[name].kind === 'text' ? settingSchemas[name].safeParse(text) : WHOLE_NUMBER.test(text) ? settingSchemas[name].safeParse(Number(text)) : null;
    if (parsed?.success) change[name] = parsed.data;
    else fields.push(name);
  }
  if (fields.length > 0) return { ok: false, fields: settingKeys.filter((key) => fields.includes(key)) };
  return { ok: true, change: change as SettingsChange };
}

/** Kind, bounds and default of each setting, for the form's inputs and hints (plain data: a pattern stays on the server). */
export function settingFields() {
  return settingKeys.map((key) => {
    const definition = settingDefinitions[key];
    if (definition.kind === 'text') return { key, kind: definition.kind, group: definition.group, maxLength: definition.maxLength, isRequired: definition.isRequired, default: definition.default };
    return { key, ...definition };
  });
}
