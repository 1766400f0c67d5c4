// POST /api/v1/parcels — partners through the signed open API: consolidate accepted items into a parcel, answer with its estimate and pay link.
import { apiJson, apiRoute } from '@/lib/api/handler';
import { createPartnerParcel } from '@/lib/api/partner-parcels';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ db, partner, body }) => apiJson(await createPartnerParcel(db, getEnv(), partner, body), 201));
