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
import { accountPaths } from '@/lib/auth/paths';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { orderPaths } from '@/lib/orders/paths';
import { absoluteUrl } from '@/lib/seo/site-url';

/**
 * A rendered email, ready for `sendEmail` once a recipient is added. `secrets` lists the parts that
 * must never be stored (one-time links): the outbox keeps them redacted, only SMTP carries them.
 */
export type EmailContent = { subject: string; text: string; template: EmailTemplate; secrets?: string[] };
export type EmailTemplate =
  | 'password-reset'
  | 'welcome'
  | 'sign-up-attempt'
  | 'order-confirmation'
  | 'payment-received'
  | 'order-purchased'
  | 'order-refunded'
  | 'order-partially-refunded'
  | 'order-cancelled'
  | 'price-difference';

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

/** What every order email names: `amount` (where one is said) is already formatted in the order's currency. */
export type OrderEmailFacts = { name?: string | null; orderNumber: string };

function orderLink(t: T, locale: string, orderNumber: string): string {
  return t('orderLink', { link: absoluteUrl(orderPaths.order(isLocale(locale) ? locale : defaultLocale, orderNumber)) });
}

/** Sent when the order is placed: what it costs and what happens next. `total` is formatted ("€12.30"). */
export function orderConfirmationEmail(locale: string, { name, orderNumber, total }: OrderEmailFacts & { total: string }): EmailContent {
  const t = translator(locale);
  return {
    template: 'order-confirmation',
    subject: t('orderConfirmationSubject', { orderNumber }),
    text: compose(t, name, [t('orderConfirmationIntro', { orderNumber, total }), t('orderConfirmationNext'), orderLink(t, locale, orderNumber)]),
  };
}

export function paymentReceivedEmail(locale: string, { name, orderNumber, amount }: OrderEmailFacts & { amount: string }): EmailContent {
  const t = translator(locale);
  return {
    template: 'payment-received',
    subject: t('paymentReceivedSubject', { orderNumber }),
    text: compose(t, name, [t('paymentReceivedIntro', { orderNumber, amount }), t('paymentReceivedNext'), orderLink(t, locale, orderNumber)]),
  };
}

export function orderPurchasedEmail(locale: string, { name, orderNumber }: OrderEmailFacts): EmailContent {
  const t = translator(locale);
  return {
    template: 'order-purchased',
    subject: t('purchasedSubject', { orderNumber }),
    text: compose(t, name, [t('purchasedIntro', { orderNumber }), t('purchasedNext'), orderLink(t, locale, orderNumber)]),
  };
}

export function orderRefundedEmail(locale: string, { name, orderNumber, amount }: OrderEmailFacts & { amount: string }): EmailContent {
  const t = translator(locale);
  return {
    template: 'order-refunded',
    subject: t('refundedSubject', { orderNumber }),
    text: compose(t, name, [t('refundedIntro', { orderNumber, amount }), t('refundedTiming'), orderLink(t, locale, orderNumber)]),
  };
}

export function orderPartiallyRefundedEmail(locale: string, { name, orderNumber, amount }: OrderEmailFacts & { amount: string }): EmailContent {
  const t = translator(locale);
  return {
    template: 'order-partially-refunded',
    subject: t('partialRefundSubject', { orderNumber }),
    text: compose(t, name, [t('partialRefundIntro', { orderNumber, amount }), t('refundedTiming'), t('partialRefundRest'), orderLink(t, locale, orderNumber)]),
  };
}

/** `expired`: the system cancelled it because it was not paid (or, cash on delivery, confirmed) in time. */
export function orderCancelledEmail(locale: string, { name, orderNumber, expired }: OrderEmailFacts & { expired: boolean }): EmailContent {
  const t = translator(locale);
  return {
    template: 'order-cancelled',
    subject: t('cancelledSubject', { orderNumber }),
    text: compose(t, name, [t(expired ? 'cancelledExpiredIntro' : 'cancelledIntro', { orderNumber }), t('cancelledAgain'), orderLink(t, locale, orderNumber)]),
  };
}
