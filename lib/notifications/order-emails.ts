import 'server-only';
import { composeEmail as compose, emailTranslator as translator, type EmailContent, type EmailTranslator as T } from '@/lib/email/compose';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { orderPaths } from '@/lib/orders/paths';
import { absoluteUrl } from '@/lib/site-url';

/** What every order email names: `amount` (where one is said) is already formatted in the order's currency. */
export type OrderEmailFacts = { name?: string | null; orderNumber: string };

function orderLink(t: T, locale: string, orderNumber: string): string {
  return t('orderLink', { link: absoluteUrl(orderPaths.order(isLocale(locale) ? locale : defaultLocale, orderNumber)) });
}

/** An order line as the email names it: `options` already in the order's language ("Dark green / One size"). */
export type OrderEmailLine = { title: string; options: string; quantity: number };

/** "• Linen dress (Dark green / One size) × 2": no empty brackets for a SKU without options. */
function lineText({ title, options, quantity }: OrderEmailLine): string {
  return `• ${title}${options ? ` (${options})` : ''} × ${quantity}`;
}

/**
 * Sent when the order is placed: what it costs, what was ordered (each line's own variant) and what
 * happens next. `total` is formatted ("€12.30").
 */
export function orderConfirmationEmail(
  locale: string,
  { name, orderNumber, total, lines = [] }: OrderEmailFacts & { total: string; lines?: readonly OrderEmailLine[] },
): EmailContent {
  const t = translator(locale);
  const items = lines.length > 0 ? [[t('orderConfirmationItems'), ...lines.map(lineText)].join('\n')] : [];
  return {
    template: 'order-confirmation',
    subject: t('orderConfirmationSubject', { orderNumber }),
    text: compose(t, name, [t('orderConfirmationIntro', { orderNumber, total }), ...items, t('orderConfirmationNext'), orderLink(t, locale, orderNumber)]),
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
