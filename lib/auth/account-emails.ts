import 'server-only';
import { composeEmail as compose, emailTranslator as translator, type EmailContent } from '@/lib/email/compose';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { absoluteUrl } from '@/lib/site-url';
import { accountPaths } from './paths';

export type { EmailContent };

/** `link` is the full reset URL with the token (built by the caller, which knows the token). */
export function passwordResetEmail(locale: string, { name, link }: { name?: string | null; link: string }): EmailContent {
  const t = translator(locale);
  return {
    template: 'password-reset',
    subject: t('passwordResetSubject'),
    text: compose(t, name, [`${t('passwordResetIntro')}\n${link}`, t('passwordResetIgnore')]),
    // Whoever holds the link owns the account for an hour: never kept in the outbox.
    secrets: [link],
  };
}

export function welcomeEmail(locale: string, { name }: { name?: string | null }): EmailContent {
  const t = translator(locale);
  const link = absoluteUrl(accountPaths.home(isLocale(locale) ? locale : defaultLocale));
  return { template: 'welcome', subject: t('welcomeSubject'), text: compose(t, name, [t('welcomeIntro'), t('welcomeAccount', { link })]) };
}

/**
 * To the owner of an address someone tried to sign up with: sign-up answers the same whether the
 * address is taken or not, so the owner (not the person at the form) learns it here.
 */
export function signUpAttemptEmail(locale: string, { name }: { name?: string | null }): EmailContent {
  const t = translator(locale);
  const l = isLocale(locale) ? locale : defaultLocale;
  const signIn = absoluteUrl(accountPaths.signIn(l));
  const reset = absoluteUrl(accountPaths.forgotPassword(l));
  return {
    template: 'sign-up-attempt',
    subject: t('signUpAttemptSubject'),
    text: compose(t, name, [t('signUpAttemptIntro'), `${t('signUpAttemptSignIn', { link: signIn })}\n${t('signUpAttemptReset', { link: reset })}`, t('signUpAttemptIgnore')]),
  };
}
