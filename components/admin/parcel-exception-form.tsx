'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { handleParcelExceptionAction } from '@/app/[locale]/admin/parcels/exceptions/actions';
import { ActionError } from './action-error';

const refusals = new Set(['cleared', 'already_handled', 'newer_event']);

/** "Mark handled" with a note, for one carrier problem as the page showed it (its event time guards against a newer report). */
export function ParcelExceptionForm({ locale, number, seenEventAt }: { locale: string; number: string; seenEventAt: string }) {
  const t = useTranslations('adminParcelExceptions');
  const [state, submit, isSaving] = useActionState(handleParcelExceptionAction, null);
  const failure = state?.ok === false ? state.error : null;
  const isNoteRefused = failure?.code === 'validation_failed';
  return (
    <form action={submit} className="admin-inline-form" data-testid="exception-handle-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="seenEventAt" value={seenEventAt} />
      <textarea name="note" required maxLength={500} rows={2} placeholder={t('notePlaceholder')} aria-label={t('noteFor', { number })} aria-invalid={isNoteRefused ? true : undefined} />
      <button type="submit" className="admin-button" disabled={isSaving || state?.ok === true}>
        {t('markHandled')}
      </button>
      <span className="small muted" role="status">
        {isSaving ? t('saving') : state?.ok ? t('handled') : ''}
      </span>
      {isNoteRefused ? (
        <p className="admin-error" role="alert">
          {t('noteRequired')}
        </p>
      ) : failure?.reason && refusals.has(failure.reason) ? (
        <p className="admin-error" role="alert" data-reason={failure.reason}>
          {t(`refused.${failure.reason as 'cleared'}`)}
        </p>
      ) : (
        <ActionError result={state} />
      )}
    </form>
  );
}
