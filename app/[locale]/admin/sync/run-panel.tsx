'use client';
import { useTranslations } from 'next-intl';
import { formatAdminDateTime } from '@/lib/admin/format';
import type { SyncRunView } from '@/lib/catalog/sync/overview-types';

const counterKeys = ['pages', 'seen', 'created', 'updated', 'unchanged', 'failed', 'retries'] as const;
const breakerStates = ['closed', 'open', 'half_open'] as const;

/** Listings per second over the run's life so far, and the time left at that pace. */
function pace(run: SyncRunView): { rate: number; secondsLeft: number | null } {
  const until = run.finishedAt ?? run.heartbeatAt;
  const seconds = (new Date(until).getTime() - new Date(run.startedAt).getTime()) / 1000;
  const rate = seconds > 0 ? run.seen / seconds : 0;
  const left = run.total === null ? null : Math.max(0, run.total - run.seen);
  return { rate, secondsLeft: left === null || rate <= 0 ? null : left / rate };
}

function formatDuration(seconds: number, locale: string): string {
  const [value, unit] = seconds >= 5400 ? [seconds / 3600, 'hour'] : seconds >= 90 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(value)));
}

/** One run: status, a progress bar, its counters, the breaker's state and the last error. */
export function RunPanel({ locale, run }: { locale: string; run: SyncRunView }) {
  const t = useTranslations('catalogSync');
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const { rate, secondsLeft } = pace(run);
  const share = run.total ? Math.min(1, run.seen / run.total) : null;
  const breaker = (breakerStates as readonly string[]).includes(run.breaker) ? (run.breaker as (typeof breakerStates)[number]) : 'closed';

  return (
    <div className="admin-panel" data-testid="sync-run" data-run={run.id} data-status={run.status}>
      <p className="admin-title-row">
        <strong>{t('runNumber', { id: String(run.id) })}</strong>
        <span className="admin-badge">{t(`mode.${run.mode}`)}</span>
        <span className={`admin-badge sync-status-${run.status}`}>{t(`status.${run.status}`)}</span>
        <span className={`admin-badge sync-breaker-${breaker}`} title={t('breaker')}>
          {t('breaker')}: {t(`breakerState.${breaker}`)}
        </span>
      </p>
      {run.isStale && <p className="admin-error">{t('stale')}</p>}
      <div className="sync-progress">
        <progress aria-label={t('progressLabel')} max={run.total ?? undefined} value={run.total ? Math.min(run.seen, run.total) : undefined} />
        <span className="small">
          {share === null ? t('progressUnknown', { seen: number.format(run.seen) }) : t('progress', { seen: number.format(run.seen), total: number.format(run.total!), percent: percent.format(share) })}
          {run.status === 'running' && rate > 0 && (
            <>
              {' · '}
              {t('pace', { rate: number.format(Math.round(rate)) })}
              {secondsLeft !== null && ` · ${t('eta', { time: formatDuration(secondsLeft, locale) })}`}
            </>
          )}
        </span>
      </div>
      <dl className="sync-counters">
        {counterKeys.map((key) => (
          <div key={key}>
            <dt>{t(`counters.${key}`)}</dt>
            <dd data-testid={`sync-${key}`}>{number.format(run[key])}</dd>
          </div>
        ))}
      </dl>
      <dl className="admin-facts">
        <dt>{t('startedBy')}</dt>
        <dd className="admin-mono">{run.startedBy}</dd>
        <dt>{t('startedAt')}</dt>
        <dd dir="ltr">{formatAdminDateTime(run.startedAt)}</dd>
        {run.finishedAt && (
          <>
            <dt>{t('finishedAt')}</dt>
            <dd dir="ltr">{formatAdminDateTime(run.finishedAt)}</dd>
          </>
        )}
        {run.status === 'running' && (
          <>
            <dt>{t('heartbeat')}</dt>
            <dd dir="ltr">{formatAdminDateTime(run.heartbeatAt)}</dd>
          </>
        )}
        {run.modifiedSince && (
          <>
            <dt>{t('modifiedSince')}</dt>
            <dd dir="ltr">{formatAdminDateTime(run.modifiedSince)}</dd>
          </>
        )}
        {run.status === 'completed' && run.watermark && (
          <>
            <dt>{t('watermark')}</dt>
            <dd dir="ltr">{formatAdminDateTime(run.watermark)}</dd>
          </>
        )}
        {run.lastError && (
          <>
            <dt>{t('lastError')}</dt>
            <dd className="admin-error-text" dir="auto" data-testid="sync-last-error">
              {run.lastError}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
