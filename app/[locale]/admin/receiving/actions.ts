'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { parseDimsCm } from '@/lib/warehouse/dimensions';
import { assignUnclaimedInbound, receiveParcel } from '@/lib/warehouse/receive-parcel';

const base = z.object({ locale: z.enum(locales) });
const optionalText = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => (v ? v : undefined));
const warehouse = { permission: 'orders:warehouse' } as const;

/** A scan at the receiving desk: the tracking number (a scanner types it and presses Enter), with what the scale and tape say. */
export const receiveParcelAction = action({
  name: 'receive parcel',
  input: base.extend({
    trackingNumber: z.string().trim().min(1).max(80),
    weightGrams: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().int().min(1).max(1_000_000).optional()),
    dims: optionalText,
    bin: optionalText,
  }),
  auth: warehouse,
  echo: ['trackingNumber', 'weightGrams', 'dims', 'bin'],
  run: ({ trackingNumber, weightGrams, dims, bin }, { user }) => {
    const size = dims === undefined ? undefined : parseDimsCm(dims);
    if (size === null) throw new AppError('validation_failed', 'Give the size as three numbers in centimetres, like 30x20x5', { fieldErrors: { dims: 'dims' } });
    return receiveParcel(getDb(), { trackingNumber, measurement: { ...(weightGrams ? { weightGrams } : {}), ...size }, ...(bin ? { bin } : {}) }, userActor(user));
  },
  revalidate: ({ locale }) => revalidatePath(adminPaths.receiving(locale)),
});

/** An unclaimed parcel found to be a purchase order's: it is received as that order's parcel. */
export const assignUnclaimedAction = action({
  name: 'assign unclaimed parcel',
  input: base.extend({ inboundId: z.coerce.number().int().positive(), purchaseOrderReference: z.string().trim().min(1).max(32) }),
  auth: warehouse,
  echo: ['purchaseOrderReference'],
  run: ({ inboundId, purchaseOrderReference }, { user }) => assignUnclaimedInbound(getDb(), { inboundId, purchaseOrderReference }, userActor(user)),
  revalidate: ({ locale }) => revalidatePath(adminPaths.receiving(locale)),
});
