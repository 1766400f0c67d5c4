'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { requestPasswordResetAction } from '@/app/[locale]/(account)/account/actions';
import { Field, FormMessage } from './form-field';
import { fieldError, formMessage, typedValue } from './form-state';

export function ForgotPasswordForm({ locale }: { locale: string }) {
  const t = useTranslations('auth');
  const te = useTranslations('formErrors');
  const [state, formAction, isPending] = useActionState(requestPasswordResetAction, null);
  if (state?.ok) return <FormMessage kind="notice">{t('forgotSent')}</FormMessage>;
  const emailError = fieldError(state, 'email');
  const formError = formMessage(state, ['email']);
  return (
    <form className="account-form" action={formAction} noValidate>
      {formError && <FormMessage kind="error">{formError}</FormMessage>}
      <input type="hidden" name="locale" value={locale} />
      <Field name="email" type="email" label={t('email')} autoComplete="email" required maxLength={254} defaultValue={typedValue(state, 'email')} error={emailError && te(emailError)} />
      <button type="submit" className="primary" disabled={isPending}>
        {isPending ? t('sending') : t('forgotButton')}
      </button>
    </form>
  );
}
