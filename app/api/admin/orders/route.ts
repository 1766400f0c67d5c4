// GET /api/admin/orders?status=&from=&to=&gateway=&flagged=&q=&page= — the admin orders board polls it every 10 s.
import { parseOrderFilters } from '@/lib/admin/parse-order-filters';
import { listAdminOrders } from '@/lib/admin/queries/list-orders';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { errorJson } from '@/lib/errors/http';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(request: Request): Promise<Response> {
  try {
    await requirePermission('orders:read');
    const filters = parseOrderFilters(new URL(request.url).searchParams);
    return Response.json(await listAdminOrders(getDb(), filters), { headers });
  } catch (error) {
    return errorJson(error, { where: '[admin] GET /api/admin/orders', headers });
  }
}
