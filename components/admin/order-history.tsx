import { getTranslations } from 'next-intl/server';
import { describeActor } from '@/lib/admin/describe-actor';
import type { AdminOrderDetail } from '@/lib/admin/queries/get-order-detail';
import { AdminTime } from './admin-time';

/** Short text for an event payload or audit details: the reason first, then the other scalar fields. */
function describe(details: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'from' || key === 'to' || key === 'actor') continue;
    if (value === null || value === undefined) continue;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    parts.push(key === 'reason' ? text : `${key}: ${text}`);
  }
  const joined = parts.join(' · ');
  return joined.length > 240 ? `${joined.slice(0, 239)}…` : joined;
}

/** The outbox events (what downstream consumers saw) and the audit trail (who did what, when). */
export async function OrderHistory({ locale, events, audit }: { locale: string; events: AdminOrderDetail['events']; audit: AdminOrderDetail['audit'] }) {
  const t = await getTranslations({ locale, namespace: 'admin' });
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
              {describe(event.payload) && <span className="admin-sub small muted">{describe(event.payload)}</span>}
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
                    {describe(entry.details) || '—'}
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
