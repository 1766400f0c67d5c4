import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { parcels, type ParcelRow } from '@/db/schema/parcels';
import { AppError } from '@/lib/errors';
import { openParcelCardPayment } from '@/lib/parcels/open-card-payment';
import { gatewayNamed, type GatewayDeps } from './registry';

/**
 * Withdraws, at the gateway, the card payment a parcel's owner opened for what the parcel awaits,
 * before the balance pays it instead or the parcel is cancelled: otherwise the shopper could still
 * finish it on the gateway's page and pay twice (or pay for a cancelled parcel). A payment that went
 * through first is a `conflict` (it is being confirmed) and nothing moves. Once withdrawn it is
 * forgotten on the parcel (only if it is still the one kept), so a later card payment starts afresh.
 */
export async function withdrawParcelCardPayment(db: Database, parcel: ParcelRow, deps: GatewayDeps = {}): Promise<void> {
  const open = openParcelCardPayment(parcel);
  if (!open) return;
  const gateway = gatewayNamed(parcel.gateway, deps);
  if (!gateway) throw new AppError('payment_unavailable', 'The payment service is not reachable right now. Please try again in a minute.');
  if ((await gateway.cancelPayment(open.id)) === 'already_paid') {
    throw new AppError('conflict', 'Your card payment for this parcel has gone through and is being confirmed', { reason: 'card_payment_in_progress' });
  }
  await db
    .update(parcels)
    .set({ [open.column]: null })
    .where(and(eq(parcels.id, parcel.id), eq(parcels[open.column], open.id)));
}
