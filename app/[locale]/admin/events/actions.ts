'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { retryDelivery } from '@/lib/events/relay';
import { locales } from '@/lib/i18n/locales';
import { userActor } from '@/lib/audit/actor';

/** "Retry" on /admin/events: a dead or waiting delivery is tried again now, with a fresh set of attempts (admin only). */
export const retryDeliveryAction = action({
  name: 'event delivery retry',
  input: z.object({ locale: z.enum(locales), deliveryId: z.coerce.number().int().positive() }),
  auth: { permission: 'events:retry' },
  run: async ({ deliveryId }, { user }) => {
    if (!(await retryDelivery(getDb(), deliveryId, userActor(user)))) {
      throw new AppError('invalid_transition', 'This delivery is running or already delivered; reload to see where it is');
    }
  },
  revalidate: ({ locale }) => revalidatePath(adminPaths.events(locale)),
});
