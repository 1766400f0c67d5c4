// GET /api/v1/parcels/{parcelNumber} — partners through the signed open API: one of their own parcels (404 for anyone else's).
import { apiRoute } from '@/lib/api/handler';
import { findPartnerParcel } from '@/lib/api/partner-parcels';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ parcelNumber: string }>(async ({ db, partner, params }) => {
  const parcel = await findPartnerParcel(db, getEnv(), partner, params.parcelNumber);
  if (!parcel) throw new AppError('not_found', 'Parcel not found');
  return parcel;
});
