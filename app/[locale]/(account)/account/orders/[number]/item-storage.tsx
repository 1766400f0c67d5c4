import { getTranslations } from 'next-intl/server';
import type { FulfilmentStatus } from '@/db/schema/orders';
import { getDb } from '@/lib/db';
import { isolate } from '@/lib/i18n/bidi';
import { getSettings } from '@/lib/settings/read-settings';
import { formatCny } from '@/lib/shop/price';
import { formatStorageEnd } from '@/lib/warehouse/storage/format-storage-end';
import { isStored, storageClock } from '@/lib/warehouse/storage/storage-clock';

/**
 * One stored item's storage on the shopper's order page: free until when, or since when it is
 * paid and the fee so far (lib/warehouse/storage). Nothing for items not on the warehouse's shelf.
 */
export async function ItemStorage({ item, locale }: { item: { receivedAt: Date | null; fulfilmentStatus: FulfilmentStatus }; locale: string }) {
  if (!item.receivedAt || !isStored(item.fulfilmentStatus)) return null;
  const [settings, t] = await Promise.all([getSettings(getDb()), getTranslations({ locale, namespace: 'orders' })]);
  const clock = storageClock(item.receivedAt, new Date(), { freeDays: settings['warehouse.freeStorageDays'], feePerDayFen: settings['warehouse.storageFeePerDayFen'] });
  const date = formatStorageEnd(clock.end, locale);
  return (
    <p className="small" data-testid="order-item-storage" data-days-over={clock.daysOver}>
      {clock.daysOver === 0
        ? t('itemStorageFree', { date: isolate(date) })
        : t('itemStorageOver', { date: isolate(date), days: clock.daysOver, fee: isolate(formatCny(clock.feeFen, locale)) })}
    </p>
  );
}
