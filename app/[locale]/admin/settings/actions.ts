'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionError, actionOk, type ActionResult } from '@/lib/admin/action-result';
import { adminPaths } from '@/lib/admin/paths';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import type { SettingKey } from '@/lib/settings/definitions';
import { parseSettingsForm } from '@/lib/settings/settings-form';
import { updateSettings } from '@/lib/settings/update-settings';

const localeInput = z.object({ locale: z.enum(locales) });

/** Saves the settings form; the fields out of bounds come back named, and nothing is saved then. */
export async function saveSettingsAction(_previous: ActionResult<{ changed: SettingKey[] }>, formData: FormData): Promise<ActionResult<{ changed: SettingKey[] }>> {
  try {
    const entries = Object.fromEntries(formData);
    const locale = localeInput.safeParse(entries);
    const form = parseSettingsForm(entries);
    if (!locale.success) throw new AppError('validation_failed', 'Unknown language');
    if (!form.ok) throw new AppError('validation_failed', `Out of bounds: ${form.fields.join(', ')}`, { fields: form.fields });
    const user = await requirePermission('settings:manage');
    const { changed } = await updateSettings(getDb(), form.change, { type: 'user', id: user.id, label: user.email });
    revalidatePath(adminPaths.settings(locale.data.locale));
    return actionOk({ changed });
  } catch (error) {
    return actionError(error, 'settings save');
  }
}
