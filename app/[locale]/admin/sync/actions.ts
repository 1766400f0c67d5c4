'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionError, actionOk, type ActionResult } from '@/lib/admin/action-result';
import { adminPaths } from '@/lib/admin/paths';
import { requirePermission } from '@/lib/auth/session';
import { startSyncInBackground, syncIntents } from '@/lib/catalog/sync/start-sync-in-background';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { getRedis } from '@/lib/redis';
import { supplierPlatforms } from '@/lib/suppliers/types';

const startInput = z.object({ locale: z.enum(locales), platform: z.enum(supplierPlatforms), intent: z.enum(syncIntents) });

export type StartedRun = { runId: number };

/** Starts a catalog sync in the server's background and answers as soon as it is claimed. */
export async function startSyncAction(_previous: ActionResult<StartedRun>, formData: FormData): Promise<ActionResult<StartedRun>> {
  try {
    const parsed = startInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new AppError('validation_failed', 'Unknown platform or kind of sync');
    const user = await requirePermission('catalog:sync');
    const started = await startSyncInBackground(getDb(), getRedis(), { platform: parsed.data.platform, intent: parsed.data.intent, startedBy: `user:${user.id}` });
    revalidatePath(adminPaths.sync(parsed.data.locale));
    return actionOk({ runId: started.runId });
  } catch (error) {
    return actionError(error, 'catalog sync start');
  }
}
