// GET /api/admin/sync?platform=1688 — the admin sync page polls it every 2 s while a run is shown.
import { randomUUID } from 'node:crypto';
import { requirePermission } from '@/lib/auth/session';
import { getSyncOverview } from '@/lib/catalog/sync/get-sync-overview';
import { getDb } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { supplierPlatforms } from '@/lib/suppliers/types';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(request: Request): Promise<Response> {
  try {
    await requirePermission('catalog:sync');
    const platform = new URL(request.url).searchParams.get('platform') ?? '1688';
    if (!(supplierPlatforms as readonly string[]).includes(platform)) throw new AppError('bad_request', 'Unknown platform');
    return Response.json(await getSyncOverview(getDb(), platform), { headers });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
    const requestId = randomUUID();
    console.error(`[admin] GET /api/admin/sync failed (request ${requestId}):`, error);
    return Response.json({ error: { code: 'internal', message: `Something went wrong (request ${requestId})` } }, { status: 500, headers });
  }
}
