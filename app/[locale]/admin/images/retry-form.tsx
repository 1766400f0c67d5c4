'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionError } from '@/components/admin/action-error';
import { retryFailedImagesAction } from './actions';

/** "Retry failed images", with how many went back in the queue. */
export function RetryForm({ locale, disabled }: { locale: string; disabled: boolean }) {
  const t = useTranslations('catalogSync.images');
  const [result, action, isPending] = useActionState(retryFailedImagesAction, null);
  return (
    <form action={action} className="admin-inline-form">
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="admin-button" disabled={disabled || isPending} data-testid="images-retry">
        {t('retry')}
      </button>
      <span className="small" role="status">
        {isPending ? t('retrying') : result?.ok ? t('retried', { count: result.data.queued }) : ''}
      </span>
      <ActionError result={result} />
    </form>
  );
}
