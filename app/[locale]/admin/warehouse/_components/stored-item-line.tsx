import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { adminPaths } from '@/lib/admin/paths';
import { formatStoredMoney } from '@/lib/money';
import type { StoredItem } from '@/lib/warehouse/queries/list-stored-items';

/** One stored item in a board list: order, title (to its photo screen), bin, and its storage clock where it matters. */
export function StoredItemLine({ item, locale, clock }: { item: StoredItem; locale: string; clock: 'left' | 'over' | null }) {
  const t = useTranslations('admin.warehouse');
  return (
    <li data-testid="warehouse-item" data-item={item.id}>
      <Link href={adminPaths.order(locale, item.orderNumber)} className="admin-mono" dir="ltr">
        {item.orderNumber}
      </Link>{' '}
      {/* The item's own page at the desk: its photos, details and label. */}
      <Link href={adminPaths.receivingItem(locale, item.id)} dir="auto">
        {item.title}
      </Link>{' '}
      ×{item.quantity}
      {item.storageBin && <span className="muted small"> · {t('bin', { bin: item.storageBin })}</span>}
      {clock === 'left' && <span className="admin-sub small">{t('daysLeft', { days: item.storage.daysLeft })}</span>}
      {clock === 'over' && (
        <span className="admin-sub small admin-error-text">{t('daysOver', { days: item.storage.daysOver, fee: formatStoredMoney(item.storage.feeFen, 'CNY', locale) })}</span>
      )}
    </li>
  );
}
