'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { createPartnerKeyAsStaff, revokePartnerKeyAsStaff } from '@/lib/admin/manage-partner-keys';
import { userActor } from '@/lib/audit/actor';
import { MAX_RATE_LIMIT } from '@/lib/api/partner-keys';
import { getDb } from '@/lib/db';
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
export const createPartnerKeyAction = action({
  name: 'partner key create',
  input: createInput,
  auth: { permission: 'partner-keys:manage' },
  run: (input, { user }): Promise<CreatedKey> => createPartnerKeyAsStaff(getDb(), userActor(user), input),
  revalidate: ({ locale }) => revalidatePath(`/${locale}/admin/partner-keys`),
});

export const revokePartnerKeyAction = action({
  name: 'partner key revoke',
  input: revokeInput,
  auth: { permission: 'partner-keys:manage' },
  run: ({ keyId }, { user }) => revokePartnerKeyAsStaff(getDb(), userActor(user), keyId),
  revalidate: ({ locale }) => revalidatePath(`/${locale}/admin/partner-keys`),
});
