import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { adminPaths } from '@/lib/admin/paths';
import { getDb } from '@/lib/db';
import { listOrderPurchases } from '@/lib/purchasing/queries/list-order-purchases';

/** On the admin order page: where each line is in purchasing, and the purchase order that holds it. */
export async function OrderPurchaseLines({ locale, orderNumber, canOpenPurchases }: { locale: string; orderNumber: string; canOpenPurchases: boolean }) {
  const [t, lines] = await Promise.all([getTranslations({ locale, namespace: 'purchasing' }), listOrderPurchases(getDb(), orderNumber)]);
  if (lines.every((line) => line.purchaseStatus === null)) return null;
  return (
    <section aria-labelledby="order-purchasing-heading">
      <h2 id="order-purchasing-heading">{t('orderLines.title')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="order-purchase-lines">
          <thead>
            <tr>
              <th scope="col">{t('detail.item')}</th>
              <th scope="col" className="admin-num">{t('board.quantity')}</th>
              <th scope="col">{t('detail.lineStatus')}</th>
              <th scope="col">{t('orderLines.purchaseOrder')}</th>
              <th scope="col">{t('board.upstreamOrder')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.itemId} data-item={line.itemId} data-purchase-status={line.purchaseStatus ?? ''}>
                <td className="admin-wrap" dir="auto">
                  {line.title}
                </td>
                <td className="admin-num">{line.quantity}</td>
                <td>{line.purchaseStatus ? t(`lineStatus.${line.purchaseStatus}`) : '—'}</td>
                <td>
                  {line.purchaseOrder ? (
                    <>
                      {canOpenPurchases ? (
                        <Link href={adminPaths.purchaseOrder(locale, line.purchaseOrder.id)} className="admin-mono" dir="ltr">
                          {line.purchaseOrder.reference}
                        </Link>
                      ) : (
                        <span className="admin-mono" dir="ltr">
                          {line.purchaseOrder.reference}
                        </span>
                      )}
                      <span className="admin-sub small muted">{t(`status.${line.purchaseOrder.status}`)}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="admin-mono" dir="ltr">
                  {line.purchaseOrder?.upstreamOrderId ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
