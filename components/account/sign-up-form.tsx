'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { signUpAction } from '@/app/[locale]/(account)/account/actions';
import { accountPaths } from '@/lib/auth/paths';
import { Field, FormMessage } from './form-field';
import type { ActionState } from '@/lib/actions/result';
import { fieldError, formMessage, typedValue } from './form-state';

/** Creates the account (server action), then signs in with the same credentials and goes on to `callbackUrl`. */
export function SignUpForm({ locale, callbackUrl }: { locale: string; callbackUrl: string }) {
  const t = useTranslations('auth');
  const te = useTranslations('formErrors');
  const router = useRouter();
  const [state, setState] = useState<ActionState<void>>(null);
  const [isPending, startTransition] = useTransition();
  const error = (field: string) => {
    const key = fieldError(state, field);
    return key ? te(key) : undefined;
  };
  const formError = formMessage(state, ['name', 'email', 'password', 'confirmPassword']);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signUpAction(null, data);
      setState(result);
      if (!result?.ok) return;
      const signedIn = await signIn('credentials', { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? ''), redirect: false });
      // The account exists either way; if signing in failed (rate limit), the sign-in page takes over.
      router.replace(signedIn && !signedIn.error ? callbackUrl : accountPaths.signIn(locale, callbackUrl));
      router.refresh();
    });
  }

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate>
      {formError && <FormMessage kind="error">{formError}</FormMessage>}
      <input type="hidden" name="locale" value={locale} />
      <Field name="name" label={t('name')} autoComplete="name" maxLength={120} defaultValue={typedValue(state, 'name')} error={error('name')} />
      <Field name="email" type="email" label={t('email')} autoComplete="email" required maxLength={254} defaultValue={typedValue(state, 'email')} error={error('email')} />
      <Field name="password" type="password" label={t('password')} autoComplete="new-password" required minLength={8} maxLength={256} hint={t('passwordHint')} error={error('password')} />
      <Field name="confirmPassword" type="password" label={t('confirmPassword')} autoComplete="new-password" required maxLength={256} error={error('confirmPassword')} />
      <button type="submit" className="primary" disabled={isPending}>
        {isPending ? t('creatingAccount') : t('signUpButton')}
      </button>
    </form>
  );
}
