// GET /api/v1/orders/{orderNumber} — partners through the signed open API: one of their own orders (404 for anyone else's).
import { apiRoute } from '@/lib/api/handler';
import { findPartnerOrder } from '@/lib/api/queries/find-partner-order';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ orderNumber: string }>(async ({ db, partner, params }) => {
  const order = await findPartnerOrder(db, getEnv().SITE_URL, partner.keyId, params.orderNumber);
  if (!order) throw new AppError('not_found', 'Order not found');
  return order;
});
