import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { OrderFilterForm } from '@/components/admin/order-filter-form';
import { OrdersBoard } from '@/components/admin/orders-board';
import { statusFlow } from '@/lib/orders/transitions';
import { orderFilterParams } from '@/lib/admin/order-filters';
import { parseOrderFilters } from '@/lib/admin/parse-order-filters';
import { adminPaths } from '@/lib/admin/paths';
import { listAdminOrders } from '@/lib/admin/queries/list-orders';
import { adminKeys } from '@/lib/admin/query-keys';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('orders.title')} · ${t('nav.brand')}` };
}

/**
 * The orders board: rendered here with the first page of data, then kept fresh by the client
 * board polling /api/admin/orders (TanStack Query, hydrated from this prefetch).
 */
export default async function AdminOrdersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const filters = parseOrderFilters(await searchParams);
  await requireStaffPage(locale, 'orders:read', adminPaths.orders(locale, orderFilterParams(filters)));

  // One QueryClient per request: nothing cached here outlives this staff member's render.
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: adminKeys.orderList(filters), queryFn: () => listAdminOrders(getDb(), filters) });
  const t = await getTranslations({ locale, namespace: 'admin.orders' });

  return (
    <>
      <h1>{t('title')}</h1>
      <OrderFilterForm locale={locale} filters={filters} statuses={statusFlow} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OrdersBoard locale={locale} filters={filters} statuses={statusFlow} />
      </HydrationBoundary>
    </>
  );
}
