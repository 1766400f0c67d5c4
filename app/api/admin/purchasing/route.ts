// GET /api/admin/purchasing — the admin purchasing board polls it every 5 s.
import { randomUUID } from 'node:crypto';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { listPurchaseBoard } from '@/lib/purchasing/queries/list-purchase-board';
import { purchasingSettings } from '@/lib/purchasing/settings';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(): Promise<Response> {
  try {
    await requirePermission('orders:purchase');
    return Response.json(await listPurchaseBoard(getDb(), purchasingSettings().isAuto), { headers });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
    const requestId = randomUUID();
    console.error(`[admin] GET /api/admin/purchasing failed (request ${requestId}):`, error);
    return Response.json({ error: { code: 'internal', message: `Something went wrong (request ${requestId})` } }, { status: 500, headers });
  }
}
