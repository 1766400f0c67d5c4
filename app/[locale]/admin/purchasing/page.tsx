import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { ADMIN_TIME_ZONE } from '@/lib/admin/format';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { listPurchaseBoard } from '@/lib/purchasing/queries/list-purchase-board';
import { purchasingKeys } from '@/lib/purchasing/query-keys';
import { purchasingSettings } from '@/lib/purchasing/settings';
import { PurchaseBoard } from './_components/purchase-board';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const [t, admin] = await Promise.all([getTranslations({ locale, namespace: 'purchasing' }), getTranslations({ locale, namespace: 'admin' })]);
  return { title: `${t('title')} · ${admin('nav.brand')}` };
}

/** The purchasing board, rendered with the first data and kept fresh by the client's polling. */
export default async function PurchasingPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'orders:purchase', adminPaths.purchasing(locale));

  // One QueryClient per request: nothing cached here outlives this purchaser's render.
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: purchasingKeys.board(), queryFn: () => listPurchaseBoard(getDb(), purchasingSettings().isAuto) });
  const [t, messages] = await Promise.all([getTranslations({ locale, namespace: 'purchasing' }), getMessages({ locale })]);

  return (
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin, purchasing: messages.purchasing }} timeZone={ADMIN_TIME_ZONE}>
      <h1>{t('title')}</h1>
      <p className="small muted">{t('board.intro')}</p>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PurchaseBoard locale={locale} />
      </HydrationBoundary>
    </NextIntlClientProvider>
  );
}
