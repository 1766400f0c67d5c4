import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { parcels, type ParcelRow } from '@/db/schema/parcels';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { GatewayDeps } from './registry';
import { startLinkedPayment } from './start-linked-payment';

/** What the card is asked for now: the parcel's price (less a part paid from the wallet) or its settlement top-up; null when nothing is due. */
export function parcelAmountDue(parcel: Pick<ParcelRow, 'status' | 'chargeMinor' | 'walletPartMinor' | 'settlementMinor'>): { charge: 'parcel' | 'topup'; amountMinor: number } | null {
  if (parcel.status === 'awaiting_payment') return { charge: 'parcel', amountMinor: parcel.chargeMinor - parcel.walletPartMinor };
  if (parcel.status === 'awaiting_topup') return { charge: 'topup', amountMinor: parcel.settlementMinor ?? 0 };
  return null;
}

/**
 * Starts (or resumes) the gateway payment of a parcel through its gateway, carrying `parcel_id` in
 * the metadata (the webhook credits the parcel, never an order): the parcel's price while it awaits
 * payment, its top-up while it awaits one. One payment per charge: its id is kept on the parcel
 * (`gateway_payment_id` / `topup_payment_id`) and reused. The caller has checked the payer may pay it.
 */
export async function startParcelPayment(db: Database, env: Env, input: { parcelId: number; returnUrl: string }, deps: GatewayDeps = {}): Promise<string> {
  const [parcel] = await db.select().from(parcels).where(eq(parcels.id, input.parcelId));
  if (!parcel) throw new AppError('not_found', 'Parcel not found');
  const due = parcelAmountDue(parcel);
  if (!due || due.amountMinor <= 0) throw new AppError('invalid_transition', 'Nothing is due on this parcel');
  const isTopup = due.charge === 'topup';
  const paymentId = isTopup ? parcel.topupPaymentId : parcel.gatewayPaymentId;
  const remember = (id: string) =>
    isTopup
      ? db.update(parcels).set({ topupPaymentId: id }).where(and(eq(parcels.id, parcel.id), isNull(parcels.topupPaymentId)))
      : db.update(parcels).set({ gatewayPaymentId: id }).where(and(eq(parcels.id, parcel.id), isNull(parcels.gatewayPaymentId)));
  return startLinkedPayment(
    env,
    { id: parcel.id, status: parcel.status, chargeMinor: due.amountMinor, chargeCurrency: parcel.currency, gatewayPaymentId: paymentId, number: parcel.number, gateway: parcel.gateway },
    { parcelId: parcel.id, parcelCharge: due.charge },
    input.returnUrl,
    remember,
    deps,
  );
}

/** The parcel behind a pay link, if the link's token is right (compared in constant time). */
export async function parcelForPayLink(db: Database, number: string, token: string): Promise<ParcelRow> {
  const [parcel] = await db.select().from(parcels).where(eq(parcels.number, number));
  const expected = Buffer.from(parcel?.payToken ?? '0'.repeat(32));
  const given = Buffer.from(token.padEnd(32, '\0').slice(0, 64));
  if (!parcel || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('not_found', 'This payment link is not valid');
  return parcel;
}
