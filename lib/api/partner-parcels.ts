import 'server-only';
import type { Database } from '@/db/client';
import type { Env } from '@/lib/env';
import { createParcel } from '@/lib/parcels/create-parcel';
import { parcelPhotoList } from '@/lib/parcels/parcel-photos';
import { findOwnParcel, parcelItemRows } from '@/lib/parcels/queries';
import { parcelView } from '@/lib/parcels/serialize';
import { parcelPaymentUrl } from '@/lib/payments/pay-link';
import { signPhotos } from '@/lib/warehouse/photos/queries/item-photo-state';
import { parseCreateParcelRequest } from './parcel-request';
import type { Partner } from './partner-keys';

/**
 * `POST /api/v1/parcels`: a parcel of the partner's accepted items (lib/parcels/createParcel), with
 * its estimate and the pay link the partner's customer pays it through.
 */
export async function createPartnerParcel(db: Database, env: Env, partner: Partner, body: unknown) {
  const request = parseCreateParcelRequest(body);
  const parcel = await createParcel(db, {
    owner: { type: 'partner', partnerKeyId: partner.keyId },
    itemIds: request.items,
    lineId: request.lineId,
    address: request.shippingAddress,
    services: request.services,
    declaredTotal: request.declaredValue ?? undefined,
    currency: request.currency,
    gateway: env.PAYMENT_GATEWAY,
    actor: { type: 'partner', id: partner.keyId },
  });
  return {
    parcelNumber: parcel.number,
    status: parcel.status,
    estimate: { chargeableGrams: parcel.estimateChargeableGrams, amountMinor: parcel.chargeMinor, currency: parcel.currency },
    payment: { gateway: parcel.gateway, paymentUrl: parcelPaymentUrl(env.SITE_URL, parcel) },
  };
}

/** `GET /api/v1/parcels/{n}`: the partner's own parcel, or null (anyone else's is null too). */
export async function findPartnerParcel(db: Database, env: Env, partner: Partner, number: string) {
  const parcel = await findOwnParcel(db, { type: 'partner', partnerKeyId: partner.keyId }, number);
  if (!parcel) return null;
  const [items, photos] = await Promise.all([parcelItemRows(db, [parcel.id]), parcelPhotoList(db, parcel.id)]);
  const due = parcel.status === 'awaiting_payment' || parcel.status === 'awaiting_topup';
  // Photos of the packed parcel (rehearsal, or the photos service): signed, expiring links like the QC photos'.
  const site = env.SITE_URL.replace(/\/+$/, '');
  const photoUrls = signPhotos(env.FERRY_SECRET_KEY, photos).map((p) => `${site}${p.largeUrl}`);
  return { ...parcelView(parcel, items), photos: photoUrls, payment: { gateway: parcel.gateway, paymentUrl: due ? parcelPaymentUrl(env.SITE_URL, parcel) : null } };
}
