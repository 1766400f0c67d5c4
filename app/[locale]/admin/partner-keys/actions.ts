'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionError, actionOk, type ActionResult } from '@/lib/admin/action-result';
import { createPartnerKeyAsStaff, revokePartnerKeyAsStaff } from '@/lib/admin/manage-partner-keys';
import { MAX_RATE_LIMIT } from '@/lib/api/partner-keys';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';

const createInput = z.object({
  locale: z.enum(locales),
  name: z.string().trim().min(1).max(120),
  rateLimit: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/)
    .transform((v) => (v === '' ? undefined : Number(v)))
    .pipe(z.number().int().min(1).max(MAX_RATE_LIMIT).optional()),
});

const revokeInput = z.object({ locale: z.enum(locales), keyId: z.string().regex(/^pk_[0-9a-f]{24}$/) });

export type CreatedKey = { keyId: string; secret: string };

/** Creates an open API key; the secret goes back in this one answer and is never shown again. */
export async function createPartnerKeyAction(_previous: ActionResult<CreatedKey>, formData: FormData): Promise<ActionResult<CreatedKey>> {
  try {
    const parsed = createInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new AppError('validation_failed', 'A name (1–120 characters) and an optional rate limit are required');
    const user = await requirePermission('partner-keys:manage');
    const created = await createPartnerKeyAsStaff(getDb(), { type: 'user', id: user.id, label: user.email }, parsed.data);
    revalidatePath(`/${parsed.data.locale}/admin/partner-keys`);
    return actionOk(created);
  } catch (error) {
    return actionError(error, 'partner key create');
  }
}

export async function revokePartnerKeyAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const parsed = revokeInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new AppError('validation_failed', 'Unknown key');
    const user = await requirePermission('partner-keys:manage');
    await revokePartnerKeyAsStaff(getDb(), { type: 'user', id: user.id, label: user.email }, parsed.data.keyId);
    revalidatePath(`/${parsed.data.locale}/admin/partner-keys`);
    return actionOk(undefined);
  } catch (error) {
    return actionError(error, 'partner key revoke');
  }
}
