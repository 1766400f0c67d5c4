'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { adjustWalletAction } from '@/app/[locale]/admin/wallets/actions';
import { failureOf } from '@/lib/actions/result';
import { ActionError } from './action-error';

const formProblems = new Set(['amountInvalid', 'amountTooPrecise', 'amountNotPositive', 'amountTooLarge', 'currencyInvalid', 'reasonRequired', 'reasonTooLong']);

type Props = { locale: string; userId: number; currencies: readonly string[]; formKey: string };

/**
 * Finance's adjustment of one shopper's wallet: credit or debit, amount, currency and a required
 * reason. The key is minted per page render, so a double submit adjusts once; a debit never takes
 * the balance below zero.
 */
export function WalletAdjustForm({ locale, userId, currencies, formKey }: Props) {
  const t = useTranslations('admin.wallets');
  const [state, adjust, isPending] = useActionState(adjustWalletAction, null);
  const failure = failureOf(state);
  const fieldKey = Object.values(failure?.error.fields ?? {}).find((key) => formProblems.has(key));
  return (
    <form action={adjust} className="admin-filters" data-testid="wallet-adjust-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="key" value={formKey} />
      <label className="admin-field">
        <span>{t('direction')}</span>
        <select name="direction" defaultValue={failure?.values?.direction ?? 'credit'}>
          <option value="credit">{t('credit')}</option>
          <option value="debit">{t('debit')}</option>
        </select>
      </label>
      <label className="admin-field">
        <span>{t('amount')}</span>
        <input type="text" name="amount" inputMode="decimal" required maxLength={20} defaultValue={failure?.values?.amount ?? ''} data-testid="wallet-adjust-amount" />
      </label>
      <label className="admin-field">
        <span>{t('currency')}</span>
        <select name="currency" defaultValue={failure?.values?.currency ?? currencies[0]}>
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <label className="admin-field admin-field-wide">
        <span>{t('reason')}</span>
        <input type="text" name="reason" required minLength={3} maxLength={500} defaultValue={failure?.values?.reason ?? ''} dir="auto" data-testid="wallet-adjust-reason" />
      </label>
      <div className="admin-filter-buttons">
        <button type="submit" className="admin-button" disabled={isPending} data-testid="wallet-adjust-submit">
          {t('adjust')}
        </button>
      </div>
      {state?.ok && (
        <p className="admin-hint" role="status" data-testid="wallet-adjusted">
          {state.data.isNew ? t('adjusted') : t('alreadyAdjusted')}
        </p>
      )}
      {failure && failure.error.code === 'validation_failed' && fieldKey ? (
        <p className="admin-error" role="alert">
          {t(`form.${fieldKey}`)}
        </p>
      ) : failure?.error.code === 'insufficient_funds' ? (
        <p className="admin-error" role="alert">
          {t('insufficient')}
        </p>
      ) : (
        <ActionError result={state} />
      )}
    </form>
  );
}
