import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { Pagination } from '@/components/shop/pagination';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listOutbox } from '@/lib/email/list-outbox';
import { isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('outbox.title')} · ${t('nav.brand')}` };
}

const PAGE_SIZE = 50;

/** Mail Ferry sent or stored, newest first; each subject opens the message text (one-time links redacted). `outbox:read` only. */
export default async function AdminOutboxPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'outbox:read', adminPaths.outbox(locale));
  const raw = (await searchParams).page;
  const page = Math.min(Math.max(Number.parseInt((Array.isArray(raw) ? raw[0] : raw) ?? '1', 10) || 1, 1), 100_000);
  const [outbox, t] = await Promise.all([listOutbox(getDb(), { page, pageSize: PAGE_SIZE }), getTranslations({ locale, namespace: 'admin' })]);
  const pages = Math.max(1, Math.ceil(outbox.total / outbox.pageSize));

  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p className="muted small">{t('outbox.intro', { count: outbox.total })}</p>
      {outbox.items.length === 0 ? (
        <p className="admin-empty">{t('outbox.empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="outbox-table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.time')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.template')}</th>
                <th scope="col">{t('outbox.transport')}</th>
                <th scope="col">{t('outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.items.map((mail) => (
                <tr key={mail.id} data-mail={mail.id}>
                  <td>
                    <AdminTime value={mail.createdAt} />
                  </td>
                  <td dir="ltr" className="admin-wrap">
                    {mail.to}
                  </td>
                  <td className="admin-wrap">
                    <details className="admin-mail">
                      <summary dir="auto">{mail.subject}</summary>
                      <pre dir="auto">{mail.text}</pre>
                    </details>
                  </td>
                  <td className="admin-mono">{mail.template}</td>
                  <td>{mail.transport}</td>
                  <td>
                    <span className={`admin-badge admin-mail-${mail.status}`}>{t(`outbox.statuses.${mail.status}`)}</span>
                    {mail.sentAt && (
                      <span className="admin-sub small muted">
                        <AdminTime value={mail.sentAt} />
                      </span>
                    )}
                    {mail.error && <span className="admin-sub small admin-error-text">{mail.error}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={outbox.page}
        pages={pages}
        hrefFor={(p) => `${adminPaths.outbox(locale)}${p > 1 ? `?page=${p}` : ''}`}
        labels={{ nav: t('pagination.label'), previous: t('pagination.previous'), next: t('pagination.next'), pageOf: t('pagination.pageOf', { page: outbox.page, pages }) }}
      />
    </>
  );
}
