import { getTranslations } from 'next-intl/server';
import { describeActor } from '@/lib/admin/describe-actor';
import { describeDetails } from '@/lib/admin/describe-details';
import type { AdminOrderDetail } from '@/lib/admin/queries/get-order-detail';
import { AdminTime } from './admin-time';

/** The outbox events (what downstream consumers saw) and the audit trail (who did what, when). */
export async function OrderHistory({ locale, chargeCurrency, events, audit }: { locale: string; chargeCurrency: string; events: AdminOrderDetail['events']; audit: AdminOrderDetail['audit'] }) {
  const t = await getTranslations({ locale, namespace: 'admin' });
  // Payloads and audit details as sentences in the staff member's language; fields without one stay behind a disclosure.
  const describe = (details: Record<string, unknown>) => {
    const { sentences, rest } = describeDetails(details, { locale, chargeCurrency });
    const gatewayName = (name: string | number | undefined) => (typeof name === 'string' && t.has(`gateway.${name}`) ? t(`gateway.${name}`) : String(name));
    const lines = sentences.map((s) => t(`details.${s.key}`, s.key === 'gateway' ? { ...s.values, gateway: gatewayName(s.values.gateway) } : s.values));
    if (lines.length === 0 && Object.keys(rest).length === 0) return null;
    return (
      <span className="admin-sub small" data-testid="event-details">
        {lines.join(' · ')}
        {Object.keys(rest).length > 0 && (
          <details>
            <summary>{t('details.raw')}</summary>
            <code dir="ltr">{JSON.stringify(rest)}</code>
          </details>
        )}
      </span>
    );
  };
  const label = (action: string) => {
    const key = `events.${action.replace(/\./g, '_')}`;
    return t.has(key) ? t(key) : action;
  };
  return (
    <>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('history.events')}</h2>
        <ol className="admin-timeline" data-testid="order-events">
          {events.map((event) => (
            <li key={event.id} data-event={event.type}>
              <AdminTime value={event.createdAt} /> <strong>{label(event.type)}</strong>{' '}
              {/* Facts (a price rise, a partial refund) leave the status where it was: no arrow. */}
              {event.toStatus && (
                <span className="muted">
                  {event.fromStatus ? `${t(`status.${event.fromStatus}`)} → ` : ''}
                  {t(`status.${event.toStatus}`)}
                </span>
              )}
              {describe(event.payload)}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('history.audit')}</h2>
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="order-audit">
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.what')}</th>
                <th scope="col">{t('history.details')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td>
                    <AdminTime value={entry.createdAt} />
                  </td>
                  <AuditActor entry={entry} kind={(key) => t(key)} />
                  <td>{label(entry.action)}</td>
                  <td className="admin-wrap small" dir="auto">
                    {describe(entry.details) ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function AuditActor({ entry, kind }: { entry: AdminOrderDetail['audit'][number]; kind: (key: string) => string }) {
  const actor = describeActor(entry);
  return (
    <td data-testid="audit-actor" data-actor-type={entry.actorType}>
      {actor.who ? (
        <>
          <bdi dir="ltr">{actor.who}</bdi>
          <span className="admin-sub small">{kind(actor.kind.key)}</span>
        </>
      ) : (
        kind(actor.kind.key)
      )}
    </td>
  );
}
