'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { topUpWalletAction } from '@/app/[locale]/(account)/account/wallet/actions';
import { Field, FormMessage, SelectField } from './form-field';
import { fieldError, formMessage, typedValue } from './form-state';

/** The amount and currency of a top-up; submitting goes to the card gateway's pay page. Works without JavaScript. */
export function WalletTopupForm({ locale, currencies, defaultCurrency }: { locale: string; currencies: readonly string[]; defaultCurrency: string }) {
  const t = useTranslations('wallet');
  const [state, topUp, isPending] = useActionState(topUpWalletAction, null);
  const error = formMessage(state, ['amount', 'currency']);
  const amountError = fieldError(state, 'amount');
  const currencyError = fieldError(state, 'currency');
  return (
    <form action={topUp} className="account-form wallet-topup" data-testid="wallet-topup-form">
      <input type="hidden" name="locale" value={locale} />
      {error && <FormMessage kind="error">{error}</FormMessage>}
      <div className="wallet-topup-fields">
        <Field
          name="amount"
          label={t('amount')}
          inputMode="decimal"
          autoComplete="off"
          required
          defaultValue={typedValue(state, 'amount') ?? ''}
          error={amountError ? t(`form.${amountError}`) : undefined}
          data-testid="wallet-topup-amount"
        />
        <SelectField name="currency" label={t('currency')} defaultValue={typedValue(state, 'currency') ?? defaultCurrency} error={currencyError ? t(`form.${currencyError}`) : undefined} data-testid="wallet-topup-currency">
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="submit" className="primary" disabled={isPending} data-testid="wallet-topup-submit">
        {t('topUpButton')}
      </button>
    </form>
  );
}
