'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { confirmCodOrderAction, rejectCodOrderAction } from '@/app/[locale]/admin/cod/actions';
import { ActionError } from './action-error';

type Props = { locale: string; orderId: number; version: number; number: string };

/**
 * Confirm or reject one cash-on-delivery order from the queue. Both carry the version the queue
 * showed, so an order that changed meanwhile (expired, confirmed by a colleague) is refused.
 */
export function CodDecisionForms({ locale, orderId, version, number }: Props) {
  const t = useTranslations('admin.codQueue');
  const [confirmed, confirm, isConfirming] = useActionState(confirmCodOrderAction, null);
  const [rejected, reject, isRejecting] = useActionState(rejectCodOrderAction, null);
  const isBusy = isConfirming || isRejecting;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const isReasonMissing = rejected?.ok === false && rejected.error.fields?.reason !== undefined;
  return (
    <div className="admin-cod-actions">
      <form action={confirm} className="admin-inline-form" data-testid="cod-confirm-form">
        {hidden}
        <input type="text" name="note" maxLength={500} placeholder={t('notePlaceholder')} aria-label={t('noteFor', { number })} />
        <button type="submit" className="admin-button" disabled={isBusy} data-action="confirm">
          {t('confirm')}
        </button>
        <ActionError result={confirmed} />
      </form>
      <form
        action={reject}
        className="admin-inline-form"
        data-testid="cod-reject-form"
        onSubmit={(event) => {
          if (!window.confirm(t('confirmReject', { number }))) event.preventDefault();
        }}
      >
        {hidden}
        <input
          type="text"
          name="reason"
          required
          minLength={3}
          maxLength={500}
          placeholder={t('reasonPlaceholder')}
          aria-label={t('reasonFor', { number })}
          aria-invalid={isReasonMissing ? true : undefined}
        />
        <button type="submit" className="admin-button admin-button-danger" disabled={isBusy} data-action="reject">
          {t('reject')}
        </button>
        {isReasonMissing ? (
          <p className="admin-error" role="alert">
            {t('reasonRequired')}
          </p>
        ) : (
          <ActionError result={rejected} />
        )}
      </form>
      <p className="small muted" role="status">
        {isBusy ? t('working') : confirmed?.ok ? t('confirmedDone') : rejected?.ok ? t('rejectedDone') : ''}
      </p>
    </div>
  );
}
