// GET /api/admin/purchasing — the admin purchasing board polls it every 5 s.
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { errorJson } from '@/lib/errors/http';
import { listPurchaseBoard } from '@/lib/purchasing/queries/list-purchase-board';
import { purchasingSettings } from '@/lib/purchasing/settings';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(): Promise<Response> {
  try {
    await requirePermission('orders:purchase');
    return Response.json(await listPurchaseBoard(getDb(), purchasingSettings().isAuto), { headers });
  } catch (error) {
    return errorJson(error, { where: '[admin] GET /api/admin/purchasing', headers });
  }
}
