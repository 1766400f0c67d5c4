import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { formatStoredMoney } from '@/lib/money';
import { adminPaths } from '@/lib/admin/paths';
import type { PurchaseOrderDetail } from '@/lib/purchasing/queries/get-purchase-order';

/** The purchase order's lines (with the ids a purchaser looks up on 1688) and its price-difference requests. */
export async function PurchaseLines({ locale, po }: { locale: string; po: PurchaseOrderDetail }) {
  const t = await getTranslations({ locale, namespace: 'purchasing' });
  const cny = (minor: number) => formatStoredMoney(minor, 'CNY', locale);
  return (
    <>
      <section aria-labelledby="po-lines">
        <h2 id="po-lines">{t('detail.lines')}</h2>
        {po.lines.length === 0 ? (
          <p className="admin-empty">{t('detail.noLines')}</p>
        ) : (
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="purchase-lines">
              <thead>
                <tr>
                  <th scope="col">{t('detail.order')}</th>
                  <th scope="col">{t('detail.item')}</th>
                  <th scope="col" className="admin-num">{t('board.quantity')}</th>
                  <th scope="col" className="admin-num">{t('detail.paidUnit')}</th>
                  <th scope="col">{t('detail.lineStatus')}</th>
                  <th scope="col">{t('detail.sourceIds')}</th>
                </tr>
              </thead>
              <tbody>
                {po.lines.map((line) => (
                  <tr key={line.id} data-item={line.id} data-status={line.purchaseStatus ?? ''}>
                    <td>
                      <Link href={adminPaths.order(locale, line.orderNumber)} className="admin-mono" dir="ltr">
                        {line.orderNumber}
                      </Link>
                    </td>
                    <td className="admin-wrap">
                      <span dir="auto">{line.title}</span>
                      {line.titleZh !== line.title && (
                        <span className="admin-sub" lang="zh-CN">
                          {line.titleZh}
                        </span>
                      )}
                      <span className="admin-sub small muted" lang="zh-CN">
                        {line.attributes.map((a) => `${a.name}: ${a.value}`).join(' · ')}
                      </span>
                      {line.remark && (
                        <span className="admin-sub small" dir="auto">
                          {t('detail.remark')}: {line.remark}
                        </span>
                      )}
                    </td>
                    <td className="admin-num">{line.quantity}</td>
                    <td className="admin-num">{cny(line.unitPriceCnyMinor)}</td>
                    <td>
                      {line.purchaseStatus ? t(`lineStatus.${line.purchaseStatus}`) : '—'}
                      {line.purchaseOrderId !== po.id && <span className="admin-sub small muted">{t('detail.leftThisOrder')}</span>}
                    </td>
                    <td className="small admin-mono" dir="ltr">
                      <a href={line.sourceUrl} target="_blank" rel="noopener noreferrer">
                        {line.offerId}
                      </a>
                      <span className="admin-sub">sku {line.sourceSkuId}</span>
                      {line.specId && <span className="admin-sub">spec {line.specId}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {po.differences.length > 0 && (
        <section aria-labelledby="po-differences">
          <h2 id="po-differences">{t('detail.differences')}</h2>
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="purchase-differences">
              <thead>
                <tr>
                  <th scope="col">{t('detail.order')}</th>
                  <th scope="col">{t('detail.differenceStatus')}</th>
                  <th scope="col" className="admin-num">{t('detail.amountCny')}</th>
                  <th scope="col" className="admin-num">{t('detail.amountCharge')}</th>
                  <th scope="col" className="admin-num">{t('board.lines')}</th>
                  <th scope="col">{t('detail.created')}</th>
                  <th scope="col">{t('detail.resolved')}</th>
                </tr>
              </thead>
              <tbody>
                {po.differences.map((d) => (
                  <tr key={d.id} data-status={d.status}>
                    <td>
                      <Link href={adminPaths.order(locale, d.orderNumber)} className="admin-mono" dir="ltr">
                        {d.orderNumber}
                      </Link>
                    </td>
                    <td>{t(`differenceStatus.${d.status}`)}</td>
                    <td className="admin-num">{cny(d.amountCnyMinor)}</td>
                    <td className="admin-num">{formatStoredMoney(d.chargeMinor, d.chargeCurrency, locale)}</td>
                    <td className="admin-num">{d.lines.length}</td>
                    <td>
                      <AdminTime value={d.createdAt} />
                    </td>
                    <td>
                      <AdminTime value={d.resolvedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
