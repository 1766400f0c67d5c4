// GET /api/admin/orders?status=&from=&to=&gateway=&flagged=&q=&page= — the admin orders board polls it every 10 s.
import { randomUUID } from 'node:crypto';
import { parseOrderFilters } from '@/lib/admin/parse-order-filters';
import { listAdminOrders } from '@/lib/admin/queries/list-orders';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(request: Request): Promise<Response> {
  try {
    await requirePermission('orders:read');
    const filters = parseOrderFilters(new URL(request.url).searchParams);
    return Response.json(await listAdminOrders(getDb(), filters), { headers });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
    const requestId = randomUUID();
    console.error(`[admin] GET /api/admin/orders failed (request ${requestId}):`, error);
    return Response.json({ error: { code: 'internal', message: `Something went wrong (request ${requestId})` } }, { status: 500, headers });
  }
}
