import 'server-only';
import { createTranslator } from 'next-intl';
import { eq } from 'drizzle-orm';
import ar from '@/messages/tracking/ar.json';
import de from '@/messages/tracking/de.json';
import en from '@/messages/tracking/en.json';
import es from '@/messages/tracking/es.json';
import fr from '@/messages/tracking/fr.json';
import ja from '@/messages/tracking/ja.json';
import ko from '@/messages/tracking/ko.json';
import pt from '@/messages/tracking/pt.json';
import ru from '@/messages/tracking/ru.json';
import zhCN from '@/messages/tracking/zh-CN.json';
import { parcels, shipments, users } from '@/db/schema';
import { accountPaths } from '@/lib/auth/paths';
import { composeEmail, emailTranslator, type EmailContent } from '@/lib/email/compose';
import { sendEmail } from '@/lib/email/send-email';
import type { Subscriber } from '@/lib/events/subscriber';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { formatInstant } from '@/lib/orders/format-instant';
import { shipmentFacts } from '@/lib/shipping-tracking/facts';
import { trackingPaths } from '@/lib/shipping-tracking/paths';
import { absoluteUrl } from '@/lib/site-url';

const catalogues: Record<Locale, typeof en> = { en, 'zh-CN': zhCN, es, fr, de, ja, ko, ar, ru, pt };

/** "Your parcel is on its way", "your parcel was delivered" or "a problem with your parcel", in the shopper's language, with the public tracking link. */
export function trackingEmail(shipmentLocale: string, kind: 'dispatched' | 'delivered' | 'exception', facts: { number: string; at: Date; subStatus: string }): EmailContent {
  const locale = isLocale(shipmentLocale) ? shipmentLocale : defaultLocale;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'trackingEmails' });
  const statuses = createTranslator({ locale, messages: catalogues[locale], namespace: 'tracking' });
  const link = t('link', { link: absoluteUrl(trackingPaths.number(locale, facts.number)) });
  const key = `subStatuses.${facts.subStatus}` as 'subStatuses.Exception_Other';
  const status = statuses.has(key) ? statuses(key) : statuses('statuses.Exception');
  const paragraphs =
    kind === 'dispatched'
      ? [t('dispatchedIntro', { number: facts.number, date: formatInstant(facts.at, locale) }), link]
      : kind === 'delivered'
        ? [t('deliveredIntro', { number: facts.number, date: formatInstant(facts.at, locale) }), link]
        : [t('exceptionIntro', { number: facts.number, status }), t('exceptionAction'), link];
  return {
    template: `shipment-${kind}`,
    subject: t(`${kind}Subject`, { number: facts.number }),
    text: composeEmail(emailTranslator(locale), null, paragraphs),
  };
}

/**
 * The shopper's emails about a shipment: dispatched (on its way, with the number), delivered, and a
 * problem the carrier reported. Sent to the
 * address the dispatcher stored on the shipment (`notify_email`, in its `locale`); a shipment
 * without one sends nothing. Once per fact (the outbox key is the delivery's).
 */
export const trackingEmails: Subscriber = {
  name: 'tracking-emails',
  types: [shipmentFacts.dispatched, shipmentFacts.delivered, shipmentFacts.exception],
  async handle(event, { db, deliveryKey }) {
    if (event.subjectType !== 'shipment') return;
    const [row] = await db.select({ number: shipments.number, email: shipments.notifyEmail, locale: shipments.locale }).from(shipments).where(eq(shipments.id, event.subjectId)).limit(1);
    if (!row?.email) return;
    const at = typeof event.payload.at === 'string' ? new Date(event.payload.at) : event.createdAt;
    const subStatus = typeof event.payload.subStatus === 'string' ? event.payload.subStatus : 'Exception_Other';
    const kind = event.type === shipmentFacts.dispatched ? 'dispatched' : event.type === shipmentFacts.delivered ? 'delivered' : 'exception';
    const content = trackingEmail(row.locale, kind, { number: row.number, at, subStatus });
    const sent = await sendEmail(db, { to: row.email, ...content, idempotencyKey: deliveryKey });
    if (sent.status === 'failed') throw new Error(`the mail server did not take the ${content.template} email of ${row.number} (outbox #${sent.id})`);
  },
};

/** "Your rehearsed parcel is packed: check it and pay" or "your packed parcel weighs more: pay the top-up", in the shopper's language, with the parcel's page. */
export function parcelEmail(shopperLocale: string, kind: 'rehearsed' | 'topup', facts: { number: string; grams: number; chargeable: number; amountMinor: number; currency: string }): EmailContent {
  const locale = isLocale(shopperLocale) ? shopperLocale : defaultLocale;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'parcelEmails' });
  const amount = formatStoredMoney(facts.amountMinor, facts.currency, locale);
  const values = { number: facts.number, grams: facts.grams, chargeable: facts.chargeable, amount };
  return {
    template: `parcel-${kind}`,
    subject: t(`${kind}Subject`, { number: facts.number }),
    text: composeEmail(emailTranslator(locale), null, [t(`${kind}Intro`, values), t('link', { link: absoluteUrl(accountPaths.parcel(locale, facts.number)) })]),
  };
}

/**
 * The shopper's emails about a packed parcel that waits for them: a rehearsal packed and priced
 * (check the weight and photos, then pay) and a settlement top-up after packing heavier. Sent to the
 * parcel's owner in their language; a partner's parcel sends nothing (the partner reads the API).
 * Once per fact (the outbox key is the delivery's).
 */
export const parcelEmails: Subscriber = {
  name: 'parcel-emails',
  types: ['parcel.rehearsed', 'parcel.topup_requested'],
  async handle(event, { db, deliveryKey }) {
    if (event.subjectType !== 'parcel') return;
    const [row] = await db
      .select({ parcel: parcels, email: users.email, locale: users.locale })
      .from(parcels)
      .innerJoin(users, eq(users.id, parcels.userId))
      .where(eq(parcels.id, event.subjectId))
      .limit(1);
    if (!row?.email) return;
    const { parcel } = row;
    const kind = event.type === 'parcel.rehearsed' ? 'rehearsed' : 'topup';
    const content = parcelEmail(row.locale ?? defaultLocale, kind, {
      number: parcel.number,
      grams: parcel.packedWeightGrams ?? 0,
      chargeable: parcel.packedChargeableGrams ?? 0,
      amountMinor: kind === 'rehearsed' ? parcel.chargeMinor : (parcel.settlementMinor ?? 0),
      currency: parcel.currency,
    });
    const sent = await sendEmail(db, { to: row.email, ...content, idempotencyKey: deliveryKey });
    if (sent.status === 'failed') throw new Error(`the mail server did not take the ${content.template} email of ${parcel.number} (outbox #${sent.id})`);
  },
};
