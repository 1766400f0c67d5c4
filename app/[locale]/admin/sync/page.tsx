import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { ADMIN_TIME_ZONE } from '@/lib/admin/format';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getSyncOverview } from '@/lib/catalog/sync/get-sync-overview';
import { syncKeys } from '@/lib/admin/query-keys';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { hasConnector } from '@/lib/suppliers/registry';
import { supplierPlatforms } from '@/lib/suppliers/types';
import { SyncBoard } from './sync-board';
import './sync.css';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const [t, admin] = await Promise.all([getTranslations({ locale, namespace: 'catalogSync' }), getTranslations({ locale, namespace: 'admin' })]);
  return { title: `${t('title')} · ${admin('nav.brand')}` };
}

/**
 * The catalog sync: the latest run with its live progress, the buttons that start one, recent runs
 * and the latest run's failures. Rendered with the data, then kept fresh by the client board
 * polling /api/admin/sync every 2 s (TanStack Query, hydrated from this prefetch).
 */
export default async function AdminSyncPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'catalog:sync', adminPaths.sync(locale));

  const platforms = supplierPlatforms.filter(hasConnector);
  const platform = platforms[0] ?? '1688';
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: syncKeys.overview(platform), queryFn: () => getSyncOverview(getDb(), platform) });
  const [t, messages] = await Promise.all([getTranslations({ locale, namespace: 'catalogSync' }), getMessages({ locale })]);

  return (
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin, catalogSync: messages.catalogSync }} timeZone={ADMIN_TIME_ZONE}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SyncBoard locale={locale} platform={platform} />
      </HydrationBoundary>
    </NextIntlClientProvider>
  );
}
