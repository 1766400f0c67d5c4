import type { SyncMode, SyncRunStatus } from '@/db/schema/sync';

/** A sync run as the admin page and GET /api/admin/sync show it (dates as ISO strings). */
export type SyncRunView = {
  id: number;
  platform: string;
  mode: SyncMode;
  status: SyncRunStatus;
  total: number | null;
  pages: number;
  seen: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  retries: number;
  breaker: string;
  lastError: string | null;
  startedBy: string;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  modifiedSince: string | null;
  watermark: string | null;
  /** Still `running` but its heartbeat went quiet: the process died; the next start resumes it. */
  isStale: boolean;
};

export type SyncOverview = {
  platform: string;
  current: SyncRunView | null;
  resumable: SyncRunView | null;
  recent: SyncRunView[];
  failures: { sourceId: string; error: string; createdAt: string }[];
  failureTotal: number;
};

/** The admin sync page polls this often while it is open. */
export const SYNC_REFRESH_MS = 2_000;
