'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { retryFailedImages } from '@/lib/media/retry-failed-images';

/** Puts every failed image back in the image pipeline's queue. */
export const retryFailedImagesAction = action({
  name: 'images retry',
  input: z.object({ locale: z.enum(locales) }),
  auth: { permission: 'catalog:sync' },
  run: async () => ({ queued: await retryFailedImages(getDb()) }),
  revalidate: ({ locale }) => revalidatePath(adminPaths.images(locale)),
});
