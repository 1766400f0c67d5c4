// POST /api/v1/orders/{orderNumber}/items/{itemId}/qc — partners through the signed open API: accept an item, ask for more photos or for a return.
import { apiRoute } from '@/lib/api/handler';
import { decidePartnerItem } from '@/lib/api/decide-partner-item';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ orderNumber: string; itemId: string }>(({ db, partner, params, body }) => decidePartnerItem(db, getEnv(), partner, params, body));
