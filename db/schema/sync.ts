import { index, int, mysqlEnum, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { at, id, ref } from './columns';

export const syncModes = ['full', 'incremental'] as const;
export type SyncMode = (typeof syncModes)[number];
export const syncRunStatuses = ['running', 'completed', 'failed', 'interrupted'] as const;
export type SyncRunStatus = (typeof syncRunStatuses)[number];

/**
 * One catalog sync against an upstream. The page cursor is saved after every committed page, so a
 * run that crashed (heartbeat gone quiet) is resumed from its last page instead of starting over.
 * `watermark` is the newest upstream modification time seen: the next incremental run starts there.
 */
export const syncRuns = mysqlTable(
  'sync_runs',
  {
    id: id(),
    platform: varchar('platform', { length: 16 }).notNull(),
    mode: mysqlEnum('mode', syncModes).notNull(),
    status: mysqlEnum('status', syncRunStatuses).notNull().default('running'),
    modifiedSince: at('modified_since'),
    cursor: varchar('cursor', { length: 255 }),
    watermark: at('watermark'),
    total: int('total'),
    pages: int('pages').notNull().default(0),
    seen: int('seen').notNull().default(0),
    created: int('created').notNull().default(0),
    updated: int('updated').notNull().default(0),
    unchanged: int('unchanged').notNull().default(0),
    failed: int('failed').notNull().default(0),
    retries: int('retries').notNull().default(0),
    /** Circuit-breaker state as last reported (closed, open, half_open). */
    breaker: varchar('breaker', { length: 16 }).notNull().default('closed'),
    lastError: varchar('last_error', { length: 500 }),
    startedBy: varchar('started_by', { length: 64 }).notNull(),
    heartbeatAt: at('heartbeat_at').notNull(),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('sync_runs_platform_idx').on(t.platform, t.id)],
);

/** Listings a run could not import (after retries), so nothing is silently skipped. */
export const syncFailures = mysqlTable(
  'sync_failures',
  {
    id: id(),
    runId: ref('run_id').notNull(),
    platform: varchar('platform', { length: 16 }).notNull(),
    sourceId: varchar('source_id', { length: 64 }).notNull(),
    error: varchar('error', { length: 500 }).notNull(),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('sync_failures_run_idx').on(t.runId)],
);
