import { getTranslations } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import type { AdminOrderDetail } from '@/lib/admin/queries/get-order-detail';
import type { OrderParcel } from '@/lib/warehouse/queries/list-order-parcels';

/** The domestic parcels sellers sent for this order (courier, tracking number, when, received or not), and which lines each carries. */
export async function OrderParcels({ locale, parcels, items }: { locale: string; parcels: OrderParcel[]; items: AdminOrderDetail['items'] }) {
  const t = await getTranslations({ locale, namespace: 'admin' });
  const titleOf = new Map(items.map((item) => [item.id, item.title]));
  return (
    <section aria-labelledby="parcels-heading">
      <h2 id="parcels-heading">{t('parcels.title')}</h2>
      {parcels.length === 0 ? (
        <p className="muted">{t('parcels.empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="order-parcels">
            <thead>
              <tr>
                <th scope="col">{t('inbound.tracking')}</th>
                <th scope="col">{t('inbound.carrier')}</th>
                <th scope="col">{t('inbound.shippedAt')}</th>
                <th scope="col">{t('parcels.status')}</th>
                <th scope="col">{t('parcels.lines')}</th>
              </tr>
            </thead>
            <tbody>
              {parcels.map((parcel) => (
                <tr key={parcel.trackingNumber} data-tracking={parcel.trackingNumber}>
                  <td className="admin-mono" dir="ltr">
                    {parcel.trackingNumber}
                  </td>
                  <td>
                    {parcel.carrierName ? <span dir="auto">{parcel.carrierName}</span> : <span className="muted">{t('inbound.unknown')}</span>}
                    {parcel.carrierCode && <span className="admin-sub small muted admin-mono">{parcel.carrierCode}</span>}
                  </td>
                  <td>
                    <AdminTime value={parcel.shippedAt} />
                  </td>
                  <td>{t(parcel.status === 'received' ? 'parcels.statusReceived' : 'parcels.statusExpected')}</td>
                  <td className="admin-wrap small">
                    {parcel.orderItemIds.map((id) => (
                      <span key={id} className="admin-sub" dir="auto">
                        {titleOf.get(id) ?? `#${id}`}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
