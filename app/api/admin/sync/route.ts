// GET /api/admin/sync?platform=1688 — the admin sync page polls it every 2 s while a run is shown.
import { requirePermission } from '@/lib/auth/session';
import { getSyncOverview } from '@/lib/catalog/sync/get-sync-overview';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { errorJson } from '@/lib/errors/http';
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
    return errorJson(error, { where: '[admin] GET /api/admin/sync', headers });
  }
}
