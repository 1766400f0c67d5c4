import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { countImagesByStatus } from '@/lib/media/count-images-by-status';
import { listFailedImages } from '@/lib/media/list-failed-images';
import { shopPaths } from '@/lib/shop/paths';
import { RetryForm } from './retry-form';
import '../sync/sync.css';

type Props = { params: Promise<{ locale: string }> };

const SHOWN = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const [t, admin] = await Promise.all([getTranslations({ locale, namespace: 'catalogSync.images' }), getTranslations({ locale, namespace: 'admin' })]);
  return { title: `${t('title')} · ${admin('nav.brand')}` };
}

/** The image pipeline for staff: how many images wait, are ready or failed, and why each failed. */
export default async function AdminImagesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'catalog:sync', adminPaths.images(locale));

  const db = getDb();
  const [counts, failed, t, messages] = await Promise.all([
    countImagesByStatus(db),
    listFailedImages(db, { limit: SHOWN }),
    getTranslations({ locale, namespace: 'catalogSync.images' }),
    getMessages({ locale }),
  ]);
  const number = new Intl.NumberFormat(locale);

  return (
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin, catalogSync: messages.catalogSync }}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <h2>{t('counts')}</h2>
      <dl className="sync-counters" data-testid="image-counts">
        {(['pending', 'ready', 'failed'] as const).map((status) => (
          <div key={status}>
            <dt>{t(`status.${status}`)}</dt>
            <dd data-status={status}>{number.format(counts[status])}</dd>
          </div>
        ))}
      </dl>
      <RetryForm locale={locale} disabled={counts.failed === 0} />

      <h2>{t('failedList')}</h2>
      {failed.items.length === 0 ? (
        <p className="admin-empty">{t('noneFailed')}</p>
      ) : (
        <>
          {failed.total > failed.items.length && <p className="small muted">{t('showing', { shown: number.format(failed.items.length), total: number.format(failed.total) })}</p>}
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="failed-images">
              <thead>
                <tr>
                  <th scope="col">{t('columns.product')}</th>
                  <th scope="col" className="admin-num">{t('columns.position')}</th>
                  <th scope="col">{t('columns.url')}</th>
                  <th scope="col">{t('columns.reason')}</th>
                  <th scope="col">{t('columns.when')}</th>
                </tr>
              </thead>
              <tbody>
                {failed.items.map((image) => (
                  <tr key={image.id} data-image={image.id}>
                    <td className="admin-wrap">
                      <Link href={shopPaths.product(locale, image.productSlug)} lang="zh-CN">
                        {image.productTitle}
                      </Link>
                      <span className="admin-sub small muted admin-mono">#{image.productId}</span>
                    </td>
                    <td className="admin-num">{image.position}</td>
                    <td className="admin-wrap admin-mono small" dir="ltr">
                      {image.sourceUrl}
                    </td>
                    <td className="admin-wrap" dir="ltr">
                      {image.error}
                    </td>
                    <td>
                      <AdminTime value={image.failedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </NextIntlClientProvider>
  );
}
