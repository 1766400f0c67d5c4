'use client';
import { useTranslations } from 'next-intl';
import { formatAdminDateTime } from '@/lib/admin/format';
import type { SyncRunView } from '@/lib/catalog/sync/overview-types';

const counters = ['seen', 'created', 'updated', 'unchanged', 'failed', 'retries'] as const;

/** The platform's recent runs, newest first. */
export function RunsTable({ locale, runs }: { locale: string; runs: SyncRunView[] }) {
  const t = useTranslations('catalogSync');
  const number = new Intl.NumberFormat(locale);
  return (
    <section aria-labelledby="sync-recent-heading">
      <h2 id="sync-recent-heading">{t('recent')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="sync-runs">
          <thead>
            <tr>
              <th scope="col">{t('columns.run')}</th>
              <th scope="col">{t('columns.mode')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.started')}</th>
              <th scope="col">{t('columns.finished')}</th>
              {counters.map((key) => (
                <th key={key} scope="col" className="admin-num">
                  {t(`counters.${key}`)}
                </th>
              ))}
              <th scope="col">{t('lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} data-run={run.id} data-status={run.status}>
                <td className="admin-mono">{run.id}</td>
                <td>{t(`mode.${run.mode}`)}</td>
                <td>
                  <span className={`admin-badge sync-status-${run.status}`}>{t(`status.${run.status}`)}</span>
                </td>
                <td className="admin-nowrap" dir="ltr">
                  {formatAdminDateTime(run.startedAt)}
                </td>
                <td className="admin-nowrap" dir="ltr">
                  {formatAdminDateTime(run.finishedAt)}
                </td>
                {counters.map((key) => (
                  <td key={key} className="admin-num">
                    {number.format(run[key])}
                  </td>
                ))}
                <td className="admin-wrap small" dir="auto">
                  {run.lastError ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
