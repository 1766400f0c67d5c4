'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { resetPasswordAction } from '@/app/[locale]/(account)/account/actions';
import { accountPaths } from '@/lib/auth/paths';
import { Field, FormMessage } from './form-field';
import { failureOf } from '@/lib/actions/result';
import { fieldError, formMessage } from './form-state';

/** On success the action redirects to the sign-in page with a "password changed" notice. */
export function ResetPasswordForm({ locale, token }: { locale: string; token: string }) {
  const t = useTranslations('auth');
  const te = useTranslations('formErrors');
  const [state, formAction, isPending] = useActionState(resetPasswordAction, null);
  const error = (field: string) => {
    const key = fieldError(state, field);
    return key ? te(key) : undefined;
  };
  const formError = formMessage(state, ['password', 'confirmPassword']);
  const failure = failureOf(state);
  const isTokenRefused = failure?.error.code === 'bad_request' || fieldError(state, 'token') !== undefined;
  return (
    <form className="account-form" action={formAction} noValidate>
      {formError && (
        <FormMessage kind="error">
          {formError} {isTokenRefused && <a href={accountPaths.forgotPassword(locale)}>{t('requestNewLink')}</a>}
        </FormMessage>
      )}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" type="password" label={t('newPassword')} autoComplete="new-password" required minLength={8} maxLength={256} hint={t('passwordHint')} error={error('password')} />
      <Field name="confirmPassword" type="password" label={t('confirmPassword')} autoComplete="new-password" required maxLength={256} error={error('confirmPassword')} />
      <button type="submit" className="primary" disabled={isPending}>
        {isPending ? t('saving') : t('resetButton')}
      </button>
    </form>
  );
}
