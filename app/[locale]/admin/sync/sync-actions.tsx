'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { ActionError } from '@/components/admin/action-error';
import { failureOf } from '@/lib/actions/result';
import type { SyncRunView } from '@/lib/catalog/sync/overview-types';
import { startSyncAction } from './actions';

type Props = { locale: string; platform: string; isRunning: boolean; resumable: SyncRunView | null; onStarted: () => void };

/** "Full sync", "Incremental sync" and "Resume": each a form posting to the start action. */
export function SyncActions({ locale, platform, isRunning, resumable, onStarted }: Props) {
  const t = useTranslations('catalogSync');
  const [result, action, isPending] = useActionState(startSyncAction, null);
  const startedAt = result?.ok ? result.at : null;
  const failed = failureOf(result)?.error.code;
  useEffect(() => {
    if (startedAt) onStarted();
    // Only when a new start answered, not when the parent re-renders with a new callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startedAt]);

  const button = (intent: 'full' | 'incremental' | 'resume', label: string, quiet = false) => (
    <form action={action} key={intent}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="platform" value={platform} />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={`admin-button${quiet ? ' admin-button-quiet' : ''}`} disabled={isPending || isRunning} data-testid={`sync-${intent}`}>
        {label}
      </button>
    </form>
  );

  return (
    <section aria-label={t('actions.label')}>
      <div className="sync-actions">
        {button('incremental', t('actions.incremental'))}
        {button('full', t('actions.full'), true)}
        {resumable && button('resume', t('actions.resume', { id: String(resumable.id) }), true)}
        <span className="small" role="status">
          {isPending ? t('actions.starting') : result?.ok ? t('actions.started', { id: String(result.data.runId) }) : isRunning ? t('actions.busy') : ''}
        </span>
      </div>
      <p className="small muted">{t('actions.hint')}</p>
      {failed === 'conflict' && (
        <p className="admin-error" role="alert">
          {t('errors.conflict')}
        </p>
      )}
      {failed === 'not_found' && (
        <p className="admin-error" role="alert">
          {t('errors.nothingToResume')}
        </p>
      )}
      {failed && failed !== 'conflict' && failed !== 'not_found' && <ActionError result={result} />}
    </section>
  );
}
