'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { formatAdminDateTime } from '@/lib/admin/format';
import { fetchSyncOverview, SyncFetchError } from '@/lib/catalog/sync/fetch-sync-overview';
import { SYNC_REFRESH_MS } from '@/lib/catalog/sync/overview-types';
import { syncKeys } from '@/lib/admin/query-keys';
import { RunPanel } from './run-panel';
import { RunsTable } from './runs-table';
import { SyncActions } from './sync-actions';

type Props = { locale: string; platform: string };

/**
 * The live part of the sync page: the latest run, the start buttons, recent runs and failures,
 * refreshed every 2 s from /api/admin/sync. The first render uses the server's prefetch.
 */
export function SyncBoard({ locale, platform }: Props) {
  const t = useTranslations('catalogSync');
  const query = useQuery({
    queryKey: syncKeys.overview(platform),
    queryFn: ({ signal }) => fetchSyncOverview(platform, signal),
    refetchInterval: SYNC_REFRESH_MS,
    staleTime: SYNC_REFRESH_MS / 2,
    placeholderData: keepPreviousData,
  });
  const overview = query.data;
  const sessionEnded = query.error instanceof SyncFetchError && (query.error.status === 401 || query.error.status === 403);
  const isRunning = overview?.current?.status === 'running' && !overview.current.isStale;

  return (
    <section aria-labelledby="sync-run-heading" data-testid="sync-board">
      <p className="small muted">
        {t('platform')}: <strong>{platform}</strong>
      </p>
      <SyncActions locale={locale} platform={platform} isRunning={isRunning} resumable={overview?.resumable ?? null} onStarted={() => void query.refetch()} />

      <div className="admin-board-status">
        <h2 id="sync-run-heading">{t('currentRun')}</h2>
        <p className="small muted" role="status" suppressHydrationWarning>
          {query.isFetching ? t('refreshing') : t('updatedAt', { time: formatAdminDateTime(new Date(query.dataUpdatedAt)).slice(11) })}
        </p>
      </div>
      {query.isError && (
        <p className="admin-error" role="alert">
          {sessionEnded ? t('sessionEnded') : t('refreshFailed')}
        </p>
      )}
      {overview && !overview.current && <p className="admin-empty">{t('noRuns')}</p>}
      {overview?.current && <RunPanel locale={locale} run={overview.current} />}

      {overview?.current && (
        <section aria-labelledby="sync-failures-heading">
          <h2 id="sync-failures-heading">
            {t('failures', { id: String(overview.current.id) })} <span className="admin-count">{t('failureCount', { count: overview.failureTotal })}</span>
          </h2>
          {overview.failures.length === 0 ? (
            <p className="admin-empty">{t('noFailures')}</p>
          ) : (
            <div className="admin-table-wrap">
              <table className="admin-table" data-testid="sync-failures">
                <thead>
                  <tr>
                    <th scope="col">{t('columns.listing')}</th>
                    <th scope="col">{t('columns.reason')}</th>
                    <th scope="col">{t('columns.when')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.failures.map((f, i) => (
                    <tr key={`${f.sourceId}-${i}`}>
                      <td className="admin-mono" dir="ltr">
                        {f.sourceId}
                      </td>
                      <td className="admin-wrap" dir="auto">
                        {f.error}
                      </td>
                      <td className="admin-nowrap" dir="ltr">
                        {formatAdminDateTime(f.createdAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {overview && overview.recent.length > 0 && <RunsTable locale={locale} runs={overview.recent} />}
    </section>
  );
}
