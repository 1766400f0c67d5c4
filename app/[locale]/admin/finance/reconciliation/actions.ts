'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { explainReconciliationItem } from '@/lib/finance/reconcile/explain-item';
import { locales } from '@/lib/i18n/locales';

/** A difference's "Mark explained" on a reconciled day (finance and admin). */
export const explainReconciliationItemAction = action({
  name: 'reconciliation explain',
  input: z.object({
    locale: z.enum(locales),
    runId: z.coerce.number().int().positive(),
    itemId: z.coerce.number().int().positive(),
    note: z.string().trim().min(3, 'noteRequired').max(1000, 'noteRequired'),
  }),
  auth: { permission: 'finance:reconcile' },
  run: async ({ itemId, note }, { user }) => {
    const changed = await explainReconciliationItem(getDb(), { itemId, note, userId: user.id, actor: userActor(user) });
    if (!changed) throw new AppError('conflict', 'This difference was already explained');
  },
  revalidate: ({ locale, runId }) => {
    revalidatePath(adminPaths.reconciliation(locale));
    revalidatePath(adminPaths.reconciliationRun(locale, runId));
  },
});
