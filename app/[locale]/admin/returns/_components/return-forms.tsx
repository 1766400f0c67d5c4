'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionError } from '@/components/admin/action-error';
import { refundReturnAction, sellerAnswerAction } from '../actions';

type Props = { locale: string; itemId: number; version: number; status: 'return_requested' | 'returned'; refundText: string };

/**
 * One return's staff forms: while the seller's answer is awaited, the answer with "taken back" or
 * "refused"; once taken back, the refund. Each carries the version the list showed, so a return a
 * colleague already handled is refused instead of handled twice.
 */
export function ReturnForms({ locale, itemId, version, status, refundText }: Props) {
  const t = useTranslations('admin.returns');
  const [answered, answer, isAnswering] = useActionState(sellerAnswerAction, null);
  const [refunded, refund, isRefunding] = useActionState(refundReturnAction, null);
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  if (status === 'returned') {
    return (
      <form action={refund} className="admin-inline-form" data-testid="return-refund-form">
        {hidden}
        <button type="submit" className="admin-button" disabled={isRefunding} data-action="refund">
          {refundText}
        </button>
        <ActionError result={refunded} />
        <p className="small muted" role="status">
          {isRefunding ? t('working') : refunded?.ok ? (refunded.data.isAlready ? t('refundedAlready') : t('refundedDone')) : ''}
        </p>
      </form>
    );
  }
  const isAnswerMissing = answered?.ok === false && answered.error.fields?.answer !== undefined;
  return (
    <form action={answer} className="admin-inline-form" data-testid="return-answer-form">
      {hidden}
      <input
        type="text"
        name="answer"
        required
        minLength={2}
        maxLength={500}
        dir="auto"
        placeholder={t('answerPlaceholder')}
        aria-label={t('answerLabel')}
        defaultValue={answered?.ok === false ? (answered.values?.answer ?? '') : ''}
        aria-invalid={isAnswerMissing ? true : undefined}
      />
      <button type="submit" name="outcome" value="accepted" className="admin-button" disabled={isAnswering} data-action="seller-accepted">
        {t('sellerAccepted')}
      </button>
      <button type="submit" name="outcome" value="refused" className="admin-button admin-button-danger" disabled={isAnswering} data-action="seller-refused">
        {t('sellerRefused')}
      </button>
      {isAnswerMissing ? (
        <p className="admin-error" role="alert">
          {t('answerRequired')}
        </p>
      ) : (
        <ActionError result={answered} />
      )}
      <p className="small muted" role="status">
        {isAnswering ? t('working') : answered?.ok ? t('answeredDone') : ''}
      </p>
    </form>
  );
}
