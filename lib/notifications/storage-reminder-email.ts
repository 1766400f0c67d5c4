import { composeEmail, emailTranslator } from '@/lib/email/compose';
import type { EmailContent } from '@/lib/email/compose';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { orderPaths } from '@/lib/orders/paths';
import { absoluteUrl } from '@/lib/site-url';

/** One stored item as the reminder names it: `freeUntil` and `fee` already formatted in the shopper's language. */
export type StorageReminderItem = { title: string; quantity: number; orderNumber: string; freeUntil: string };

/**
 * One email per shopper per run, listing every item whose free storage ends soon (a shopper who
 * bought ten things the same week gets one message, not ten), with the fee per item per day that
 * follows and a link to each order concerned. `fee` is formatted ("¥0.50").
 */
export function storageReminderEmail(locale: string, { name, items, fee }: { name?: string | null; items: readonly StorageReminderItem[]; fee: string }): EmailContent {
  const t = emailTranslator(locale);
  const l = isLocale(locale) ? locale : defaultLocale;
  const lines = items.map((i) => `• ${t('storageReminderLine', { title: i.title, quantity: i.quantity, orderNumber: i.orderNumber, date: i.freeUntil })}`);
  const orders = [...new Set(items.map((i) => i.orderNumber))].map((n) => t('orderLink', { link: absoluteUrl(orderPaths.order(l, n)) }));
  return {
    template: 'storage-reminder',
    subject: t('storageReminderSubject', { count: items.length }),
    text: composeEmail(t, name, [t('storageReminderIntro', { count: items.length }), lines.join('\n'), t('storageReminderFee', { fee }), t('storageReminderNext'), ...orders]),
  };
}
