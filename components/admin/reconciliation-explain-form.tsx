'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { explainReconciliationItemAction } from '@/app/[locale]/admin/finance/reconciliation/actions';
import { ActionError } from './action-error';

/** Explain one reconciliation difference with a note (audited); the item then stops holding the day's alert. */
export function ReconciliationExplainForm({ locale, runId, itemId }: { locale: string; runId: number; itemId: number }) {
  const t = useTranslations('admin.reconciliation');
  const [state, explain, isSaving] = useActionState(explainReconciliationItemAction, null);
  const isNoteMissing = state?.ok === false && state.error.fields?.note !== undefined;
  return (
    <form action={explain} className="admin-inline-form" data-testid="reconciliation-explain-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="text" name="note" required minLength={3} maxLength={1000} placeholder={t('notePlaceholder')} aria-label={t('noteFor', { id: itemId })} aria-invalid={isNoteMissing ? true : undefined} />
      <button type="submit" className="admin-button" disabled={isSaving || state?.ok === true}>
        {t('explain')}
      </button>
      <span className="small muted" role="status">
        {isSaving ? t('working') : state?.ok ? t('explainedDone') : ''}
      </span>
      {isNoteMissing ? (
        <p className="admin-error" role="alert">
          {t('noteRequired')}
        </p>
      ) : (
        <ActionError result={state} />
      )}
    </form>
  );
}
