import { getTranslations } from 'next-intl/server';
import type { OrderDetail } from '@/lib/orders/queries/get-order-detail';

/** What our warehouse found when a line arrived, when it was not all of it in order: fewer pieces, damage, another item, and the warehouse's note. */
export async function ReceiptOutcome({ item, locale }: { item: OrderDetail['items'][number]; locale: string }) {
  if (!item.receiptOutcome || item.receiptOutcome === 'complete') return null;
  const t = await getTranslations({ locale, namespace: 'orders.receipt' });
  return (
    <p className="small order-item-receipt" data-testid="order-item-receipt" data-outcome={item.receiptOutcome}>
      <strong>{t(item.receiptOutcome, { received: item.receivedQuantity ?? 0, count: item.quantity })}</strong>
      {item.receiptNote && (
        <>
          {' · '}
          <span dir="auto">{t('note', { note: item.receiptNote })}</span>
        </>
      )}
    </p>
  );
}
