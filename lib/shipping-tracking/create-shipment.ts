import 'server-only';
import { z } from 'zod';
import { shipments } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { TRACKING_NUMBER_PATTERN } from '@/lib/tracking';
import { carrierIds, type CarrierId } from './carriers';

export const createShipmentSchema = z.object({
  parcelId: z.number().int().positive().nullable(),
  trackingNumber: z.string().regex(TRACKING_NUMBER_PATTERN, 'not a tracking number'),
  carrier: z.enum(carrierIds as [CarrierId, ...CarrierId[]]),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code'),
  notifyEmail: z.email().max(254).nullish(),
  locale: z.string().refine((v): v is Locale => isLocale(v), 'not a Ferry locale').optional(),
});
export type CreateShipmentInput = z.input<typeof createShipmentSchema>;

/**
 * Writes a shipment in the caller's transaction (the parcels module's dispatch moves its parcel in
 * the same one). Not registered with 17TRACK yet: call registerShipments after the commit (a number
 * 17TRACK never heard of only delays its tracking; the periodic job retries). A number already
 * used is a conflict.
 */
export async function createShipment(tx: Executor, input: CreateShipmentInput): Promise<{ id: number; number: string }> {
  const parsed = createShipmentSchema.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues[0]?.message ?? 'invalid shipment');
  const { parcelId, trackingNumber, carrier, country, notifyEmail, locale } = parsed.data;
  try {
    const [result] = await tx.insert(shipments).values({ number: trackingNumber, carrier, parcelId, country, notifyEmail: notifyEmail ?? null, locale: locale ?? 'en' });
    return { id: result.insertId, number: trackingNumber };
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('conflict', `Tracking number ${trackingNumber} is already in use`);
    throw error;
  }
}

export function isDuplicateKey(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === 'ER_DUP_ENTRY') return true;
  }
  return false;
}
