import 'server-only';
import { createTranslator } from 'next-intl';
import ar from '@/messages/purchasing/ar.json';
import de from '@/messages/purchasing/de.json';
import en from '@/messages/purchasing/en.json';
import es from '@/messages/purchasing/es.json';
import fr from '@/messages/purchasing/fr.json';
import ja from '@/messages/purchasing/ja.json';
import ko from '@/messages/purchasing/ko.json';
import pt from '@/messages/purchasing/pt.json';
import ru from '@/messages/purchasing/ru.json';
import zhCN from '@/messages/purchasing/zh-CN.json';
import type { Database } from '@/db/client';
import { sendEmail } from '@/lib/email/send-email';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { orderPaths } from '@/lib/orders/paths';
import { absoluteUrl } from '@/lib/site-url';

const catalogues: Record<Locale, typeof en> = { en, 'zh-CN': zhCN, es, fr, de, ja, ko, ar, ru, pt };

export type DifferenceNotice = { email: string | null; locale: string; orderNumber: string; chargeMinor: number; chargeCurrency: string };

/**
 * Tells the shopper, in the order's language, that the seller's price rose and that the order page
 * asks them to pay the difference or cancel those lines. Outbox first (sendEmail); partner orders
 * without an email address are left to the partner's own polling of the order.
 */
export async function sendPriceDifferenceEmail(db: Database, notice: DifferenceNotice): Promise<void> {
  if (!notice.email) return;
  const locale = isLocale(notice.locale) ? notice.locale : defaultLocale;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'purchasing.email' });
  const amount = formatStoredMoney(notice.chargeMinor, notice.chargeCurrency, locale);
  const link = absoluteUrl(orderPaths.order(locale, notice.orderNumber));
  const text = [t('greeting'), t('intro', { orderNumber: notice.orderNumber }), t('amount', { amount }), t('choice'), t('link', { link }), t('signature')].join('\n\n');
  await sendEmail(db, { to: notice.email, subject: t('subject', { orderNumber: notice.orderNumber }), text: `${text}\n`, template: 'price-difference' });
}
