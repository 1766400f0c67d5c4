'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionError, actionOk, type ActionResult } from '@/lib/admin/action-result';
import { adminPaths } from '@/lib/admin/paths';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { retryFailedImages } from '@/lib/media/retry-failed-images';

const retryInput = z.object({ locale: z.enum(locales) });

/** Puts every failed image back in the image pipeline's queue. */
export async function retryFailedImagesAction(_previous: ActionResult<{ queued: number }>, formData: FormData): Promise<ActionResult<{ queued: number }>> {
  try {
    const parsed = retryInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new AppError('validation_failed', 'Unknown language');
    await requirePermission('catalog:sync');
    const queued = await retryFailedImages(getDb());
    revalidatePath(adminPaths.images(parsed.data.locale));
    return actionOk({ queued });
  } catch (error) {
    return actionError(error, 'images retry');
  }
}
