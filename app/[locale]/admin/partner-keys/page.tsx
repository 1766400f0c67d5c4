import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { CreatePartnerKeyForm, RevokePartnerKeyForm } from '@/components/admin/partner-key-forms';
import { adminPaths } from '@/lib/admin/paths';
import { listPartnerKeys, MAX_RATE_LIMIT } from '@/lib/api/partner-keys';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('partnerKeys.title')} · ${t('nav.brand')}` };
}

/** Open API keys: list (never secrets), create (the secret is shown once), revoke. */
export default async function AdminPartnerKeysPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'partner-keys:manage', adminPaths.partnerKeys(locale));
  const [keys, t] = await Promise.all([listPartnerKeys(getDb()), getTranslations({ locale, namespace: 'admin.partnerKeys' })]);

  return (
    <>
      <h1>{t('title')}</h1>
      <section aria-labelledby="create-heading" className="admin-panel">
        <h2 id="create-heading">{t('createTitle')}</h2>
        <CreatePartnerKeyForm locale={locale} defaultRateLimit={getEnv().API_RATE_LIMIT_PER_MINUTE} maxRateLimit={MAX_RATE_LIMIT} />
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">{t('listTitle', { count: keys.length })}</h2>
        {keys.length === 0 ? (
          <p className="admin-empty">{t('empty')}</p>
        ) : (
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="partner-keys">
              <thead>
                <tr>
                  <th scope="col">{t('keyId')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col" className="admin-num">{t('rateLimit')}</th>
                  <th scope="col">{t('created')}</th>
                  <th scope="col">{t('lastUsed')}</th>
                  <th scope="col">{t('revoked')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.keyId} data-key={key.keyId} data-revoked={key.revokedAt ? 'true' : 'false'}>
                    <td className="admin-mono" dir="ltr">
                      {key.keyId}
                    </td>
                    <td dir="auto">{key.name}</td>
                    <td className="admin-num">{key.rateLimit}</td>
                    <td>
                      <AdminTime value={key.createdAt} />
                      {key.createdBy && (
                        <span className="admin-sub small muted" dir="ltr">
                          {key.createdBy}
                        </span>
                      )}
                    </td>
                    <td>{key.lastUsedAt ? <AdminTime value={key.lastUsedAt} /> : t('never')}</td>
                    <td>{key.revokedAt ? <AdminTime value={key.revokedAt} /> : <RevokePartnerKeyForm locale={locale} keyId={key.keyId} name={key.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
