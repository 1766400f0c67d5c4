import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { OrderStatus } from '@/db/schema/orders';
import { gatewayNames } from '@/lib/orders/types';
import type { OrderBoardFilters } from '@/lib/admin/order-filters';
import { adminPaths } from '@/lib/admin/paths';

/** The board's filters as a GET form: the URL is the state, so a filtered board can be shared or reloaded. */
export async function OrderFilterForm({ locale, filters, statuses }: { locale: string; filters: OrderBoardFilters; statuses: readonly OrderStatus[] }) {
  const t = await getTranslations({ locale, namespace: 'admin' });
  return (
    <Form action={adminPaths.orders(locale)} className="admin-filters" role="search" aria-label={t('orders.filters')}>
      <label className="admin-field admin-field-wide">
        <span>{t('orders.search')}</span>
        <input type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('orders.searchPlaceholder')} maxLength={254} />
      </label>
      <label className="admin-field">
        <span>{t('orders.status')}</span>
        <select name="status" defaultValue={filters.status ?? ''}>
          <option value="">{t('orders.allStatuses')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="admin-field">
        <span>{t('orders.from')}</span>
        <input type="date" name="from" defaultValue={filters.from ?? ''} />
      </label>
      <label className="admin-field">
        <span>{t('orders.to')}</span>
        <input type="date" name="to" defaultValue={filters.to ?? ''} />
      </label>
      <label className="admin-field">
        <span>{t('orders.gateway')}</span>
        <select name="gateway" defaultValue={filters.gateway ?? ''}>
          <option value="">{t('orders.allGateways')}</option>
          {gatewayNames.map((g) => (
            <option key={g} value={g}>
              {t(`gateway.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="admin-check">
        <input type="checkbox" name="flagged" value="1" defaultChecked={filters.hasFlaggedPayment === true} />
        <span>{t('orders.flaggedOnly')}</span>
      </label>
      <div className="admin-filter-buttons">
        <button type="submit" className="admin-button">
          {t('orders.apply')}
        </button>
        <Link href={adminPaths.orders(locale)}>{t('orders.clear')}</Link>
      </div>
      <p className="admin-hint small">{t('orders.timeZoneHint')}</p>
    </Form>
  );
}
