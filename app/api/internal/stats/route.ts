import { getEnv } from '@/lib/env';
import { queryCount } from '@/db/query-stats';

// GET /api/internal/stats — tests and benchmarks: SQL statements this server process has sent.
// Exists only when FERRY_DEBUG_STATS=1; otherwise a plain 404.
export const dynamic = 'force-dynamic';

export function GET() {
  if (getEnv().FERRY_DEBUG_STATS !== '1') return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
  return Response.json({ queries: queryCount(), rssBytes: process.memoryUsage().rss });
}
