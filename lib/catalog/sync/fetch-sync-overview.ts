import type { SyncOverview } from './overview-types';

/** A failed poll: the HTTP status and the route's error code (`unauthorized` once the session has ended). */
export class SyncFetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`GET /api/admin/sync answered ${status} (${code})`);
  }
}

/** The browser side of the sync page's query. */
export async function fetchSyncOverview(platform: string, signal?: AbortSignal): Promise<SyncOverview> {
  const response = await fetch(`/api/admin/sync?${new URLSearchParams({ platform })}`, { signal, cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new SyncFetchError(response.status, body?.error?.code ?? 'internal');
  }
  return (await response.json()) as SyncOverview;
}
