// POST /api/v1/orders — partners through the signed open API: place an order, answer with the pinned charge and a pay link.
import { createPartnerOrder } from '@/lib/api/create-partner-order';
import { apiJson, apiRoute } from '@/lib/api/handler';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ db, redis, partner, body, idempotencyKey }) => {
  const { order, degraded } = await createPartnerOrder({ db, redis }, getEnv().SITE_URL, partner, body, idempotencyKey);
  return apiJson(order, 201, degraded ? { 'X-Ferry-Degraded': 'inventory-cache' } : {});
});
