'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { retryDeliveryAction } from '@/app/[locale]/admin/events/actions';
import { ActionError } from './action-error';

/** One delivery's "Retry now" on /admin/events. */
export function RetryDeliveryForm({ locale, deliveryId }: { locale: string; deliveryId: number }) {
  const t = useTranslations('admin.deliveries');
  const [state, retry, isRetrying] = useActionState(retryDeliveryAction, null);
  return (
    <form action={retry} className="admin-inline-form" data-testid="retry-delivery-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" className="admin-button" disabled={isRetrying || state?.ok === true}>
        {t('retry')}
      </button>
      <span className="small muted" role="status">
        {isRetrying ? t('retrying') : state?.ok ? t('retried') : ''}
      </span>
      <ActionError result={state} />
    </form>
  );
}
