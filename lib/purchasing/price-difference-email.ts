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
import type { EmailContent } from '@/lib/email/compose';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { orderPaths } from '@/lib/orders/paths';
import { absoluteUrl } from '@/lib/site-url';

const catalogues: Record<Locale, typeof en> = { en, 'zh-CN': zhCN, es, fr, de, ja, ko, ar, ru, pt };

/**
 * Tells the shopper, in the order's language, that the seller's price rose and that the order page
 * asks them to pay the difference or cancel those lines. Sent by the shopper-email subscriber on
 * the order's `order.price_difference` fact; partner orders without an email address are left to
 * the partner's own polling of the order.
 */
export function priceDifferenceEmail(orderLocale: string, { orderNumber, chargeMinor, chargeCurrency }: { orderNumber: string; chargeMinor: number; chargeCurrency: string }): EmailContent {
  const locale = isLocale(orderLocale) ? orderLocale : defaultLocale;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'purchasing.email' });
  const amount = formatStoredMoney(chargeMinor, chargeCurrency, locale);
  const link = absoluteUrl(orderPaths.order(locale, orderNumber));
  const text = [t('greeting'), t('intro', { orderNumber }), t('amount', { amount }), t('choice'), t('link', { link }), t('signature')].join('\n\n');
  return { template: 'price-difference', subject: t('subject', { orderNumber }), text: `${text}\n` };
}
