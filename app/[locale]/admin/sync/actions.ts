'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { startSyncInBackground, syncIntents } from '@/lib/catalog/sync/start-sync-in-background';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { getRedis } from '@/lib/redis';
import { supplierPlatforms } from '@/lib/suppliers/types';

export type StartedRun = { runId: number };

/** Starts a catalog sync in the server's background and answers as soon as it is claimed. */
export const startSyncAction = action({
  name: 'catalog sync start',
  input: z.object({ locale: z.enum(locales), platform: z.enum(supplierPlatforms), intent: z.enum(syncIntents) }),
  auth: { permission: 'catalog:sync' },
  run: async ({ platform, intent }, { user }): Promise<StartedRun> => {
    const started = await startSyncInBackground(getDb(), getRedis(), { platform, intent, startedBy: `user:${user.id}` });
    return { runId: started.runId };
  },
  revalidate: ({ locale }) => revalidatePath(adminPaths.sync(locale)),
});
