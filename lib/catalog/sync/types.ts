import type { SyncMode, SyncRunStatus } from '@/db/schema/sync';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import type { BreakerState } from '@/lib/resilience/circuit-breaker';
import type { SupplierConnector, SupplierPlatform } from '@/lib/suppliers/types';

export type { SyncMode, SyncRunStatus };

/** Counters a run keeps (and stores on its sync_runs row after every committed chunk). */
export type SyncCounters = { pages: number; seen: number; created: number; updated: number; unchanged: number; failed: number; retries: number };

export type SyncProgress = SyncCounters & {
  runId: number;
  platform: SupplierPlatform;
  mode: SyncMode;
  /** Why this event: a chunk committed, the breaker moved, a call is being retried, or the run ended. */
  event: 'started' | 'committed' | 'breaker' | 'retry' | 'finished';
  status: SyncRunStatus;
  resumed: boolean;
  /** Listings the upstream reports for this walk (the catalog size, or the changes since the watermark). */
  total: number | null;
  breaker: BreakerState;
  breakerOpens: number;
  /** Listings per second in this process, and the time left at that pace (null until known). */
  rate: number;
  etaSeconds: number | null;
  elapsedSeconds: number;
  lastError: string | null;
};

export type RunCatalogSyncOptions = {
  platform: SupplierPlatform;
  mode: SyncMode;
  /** Continue the platform's interrupted or failed run of this mode (default true); false starts afresh. */
  resume?: boolean;
  /** Listings per upstream call (1688 answers at most 100). */
  pageSize?: number;
  /** Chunks imported at once while the next pages are fetched (the cursor itself is sequential). */
  concurrency?: number;
  /** Upstream calls per second, at most. */
  callsPerSecond?: number;
  /** Listings per import transaction: consecutive pages are grouped up to this size. */
  chunkSize?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** Who started it: `cli`, `user:<id>`, `bench` … */
  startedBy: string;
  signal?: AbortSignal;
  /** Defaults to getConnector(platform); tests pass a wrapped one. */
  connector?: SupplierConnector;
  /** Defaults to the provider TRANSLATION_PROVIDER selects. */
  translator?: TranslationProvider;
  /** Cache tags to revalidate after each committed chunk (best effort, never fails the run). */
  revalidate?: (tags: string[]) => void;
  /** Retry and breaker tuning (tests shorten them). */
  resilience?: Partial<SyncResilience>;
};

export type SyncResilience = {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  failureThreshold: number;
  coolDownMs: number;
  maxCoolDownMs: number;
};

export type SyncSummary = SyncCounters & {
  runId: number;
  platform: SupplierPlatform;
  mode: SyncMode;
  status: SyncRunStatus;
  resumed: boolean;
  total: number | null;
  watermark: string | null;
  retired: number;
  breakerOpens: number;
  seconds: number;
  rate: number;
  lastError: string | null;
};
