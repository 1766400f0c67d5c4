import { getTranslations } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import type { PurchaseOrderDetail } from '@/lib/purchasing/queries/get-purchase-order';

/** Every step of the purchase order, oldest first: who (worker, staff, gateway, push) did what, with the raw details. */
export async function PurchaseEvents({ locale, events }: { locale: string; events: PurchaseOrderDetail['events'] }) {
  const t = await getTranslations({ locale, namespace: 'purchasing.detail' });
  return (
    <section aria-labelledby="po-events">
      <h2 id="po-events">{t('events')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="purchase-events">
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('step')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-step={event.step}>
                <td>
                  <AdminTime value={event.createdAt} />
                </td>
                <td>{t.has(`steps.${event.step}`) ? t(`steps.${event.step}`) : event.step}</td>
                <td className="admin-mono" dir="ltr">
                  {event.actor}
                </td>
                <td className="admin-wrap small admin-mono" dir="ltr">
                  {JSON.stringify(event.details)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
