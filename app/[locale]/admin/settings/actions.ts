'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { userActor } from '@/lib/audit/actor';
import { parseSettingsForm } from '@/lib/settings/settings-form';
import { updateSettings } from '@/lib/settings/update-settings';

/** Saves the settings form; the fields out of bounds come back named, and nothing is saved then. */
export const saveSettingsAction = action({
  name: 'settings save',
  input: z.object({ locale: z.enum(locales) }).passthrough(),
  auth: { permission: 'settings:manage' },
  run: async (entries, { user }) => {
    const form = parseSettingsForm(entries);
    if (!form.ok) {
      throw new AppError('validation_failed', `Out of bounds: ${form.fields.join(', ')}`, { fieldErrors: Object.fromEntries(form.fields.map((f) => [f, 'outOfBounds'])) });
    }
    return updateSettings(getDb(), form.change, userActor(user));
  },
  revalidate: ({ locale }) => revalidatePath(adminPaths.settings(locale)),
});
