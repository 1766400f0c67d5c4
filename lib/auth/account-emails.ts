import 'server-only';
import { createTranslator } from 'next-intl';
import ar from '@/messages/account/ar.json';
import de from '@/messages/account/de.json';
import en from '@/messages/account/en.json';
import es from '@/messages/account/es.json';
import fr from '@/messages/account/fr.json';
import ja from '@/messages/account/ja.json';
import ko from '@/messages/account/ko.json';
import pt from '@/messages/account/pt.json';
import ru from '@/messages/account/ru.json';
import zhCN from '@/messages/account/zh-CN.json';
import { accountPaths } from './paths';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { absoluteUrl } from '@/lib/site-url';

/**
 * An account email (welcome, sign-up attempt, password reset, …), ready for `sendEmail` once a
 * recipient is added. `secrets` lists the parts that must never be stored (one-time links): the
 * outbox keeps them redacted, only SMTP carries them.
 */
export type EmailContent = { subject: string; text: string; template: EmailTemplate; secrets?: string[] };
export type EmailTemplate = 'password-reset' | 'welcome' | 'order-confirmation' | 'sign-up-attempt';

const catalogues: Record<Locale, typeof en> = { en, 'zh-CN': zhCN, es, fr, de, ja, ko, ar, ru, pt };

function translator(locale: string) {
  const l = isLocale(locale) ? locale : defaultLocale;
  return createTranslator({ locale: l, messages: catalogues[l], namespace: 'emails' });
}

type T = ReturnType<typeof translator>;

function compose(t: T, name: string | null | undefined, paragraphs: string[]): string {
  const greeting = name ? t('greeting', { name }) : t('greetingNoName');
  return [greeting, ...paragraphs, t('signature')].join('\n\n') + '\n';
}

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

/** Placeholder until the orders module owns its emails: `total` is already formatted (e.g. "€12.30"). */
export function orderConfirmationEmail(locale: string, { name, orderNumber, total }: { name?: string | null; orderNumber: string; total: string }): EmailContent {
  const t = translator(locale);
  const link = absoluteUrl(accountPaths.orders(isLocale(locale) ? locale : defaultLocale));
  return {
    template: 'order-confirmation',
    subject: t('orderConfirmationSubject', { orderNumber }),
    text: compose(t, name, [t('orderConfirmationIntro', { orderNumber, total }), t('orderConfirmationNext'), t('orderConfirmationLink', { link })]),
  };
}
