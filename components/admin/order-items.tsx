import { getTranslations } from 'next-intl/server';
import { specValues } from '@/lib/catalog/spec-names';
import { formatStoredMoney } from '@/lib/money';
import { mediaUrl } from '@/lib/shop/paths';
import type { AdminOrderDetail } from '@/lib/admin/queries/get-order-detail';

/**
 * The order's lines as bought: the SKU's photo, title (with the Chinese original purchasers search
 * for), options in the staff member's language with the Chinese specs beneath, quantity, CNY price, remark.
 */
export async function OrderItems({ locale, items }: { locale: string; items: AdminOrderDetail['items'] }) {
  const t = await getTranslations({ locale, namespace: 'admin.detail' });
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading">{t('items')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="order-items">
          <thead>
            <tr>
              <th scope="col">{t('itemTitle')}</th>
              <th scope="col">{t('attributes')}</th>
              <th scope="col" className="admin-num">{t('quantity')}</th>
              <th scope="col" className="admin-num">{t('unitCny')}</th>
              <th scope="col" className="admin-num">{t('lineCny')}</th>
              <th scope="col">{t('remark')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td className="admin-wrap">
                  {item.imageKey && (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img className="admin-item-photo" src={mediaUrl(item.imageKey, 200)} width={48} height={48} alt="" loading="lazy" decoding="async" data-testid="order-item-photo" />
                  )}
                  <span dir="auto">{item.title}</span>
                  {item.titleZh && item.titleZh !== item.title && (
                    <span className="admin-sub" lang="zh-CN">
                      {item.titleZh}
                    </span>
                  )}
                  <span className="admin-sub small muted">
                    {t('skuRef', { skuId: String(item.skuId), productId: String(item.productId) })}
                    {item.sourceUrl && (
                      <>
                        {' · '}
                        <a href={item.sourceUrl} target="_blank" rel="noopener noreferrer">
                          {t('source')}
                        </a>
                      </>
                    )}
                  </span>
                </td>
                <td data-testid="order-item-options">
                  <span dir="auto">{specValues(item.options) || '—'}</span>
                  {item.attributes.length > 0 && specValues(item.options) !== specValues(item.attributes) && (
                    <span className="admin-sub small muted" lang="zh-CN">
                      {item.attributes
                        .filter((a) => a.value.trim())
                        .map((a) => `${a.name}: ${a.value}`)
                        .join(' · ')}
                    </span>
                  )}
                </td>
                <td className="admin-num">
                  {item.quantity}
                  {item.receiptOutcome && item.receiptOutcome !== 'complete' && (
                    <span className="admin-sub small admin-error-text" data-testid="order-item-receipt" data-outcome={item.receiptOutcome}>
                      {t(`receipt.${item.receiptOutcome}`, { received: item.receivedQuantity ?? 0, count: item.quantity })}
                    </span>
                  )}
                </td>
                <td className="admin-num">{formatStoredMoney(item.unitPriceCnyMinor, 'CNY', locale)}</td>
                <td className="admin-num">{formatStoredMoney(item.unitPriceCnyMinor * item.quantity, 'CNY', locale)}</td>
                <td className="admin-wrap" dir="auto">
                  {item.remark ?? '—'}
                  {item.receiptNote && (
                    <span className="admin-sub small" data-testid="order-item-receipt-note">
                      {t('receiptNote', { note: item.receiptNote })}
                    </span>
                  )}
                  {item.remarkZh && (
                    <span className="admin-sub small muted" lang="zh-CN" data-testid="seller-note">
                      {t('sellerNote', { note: item.remarkZh })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
