import { useTranslations } from 'next-intl';
import type { OrderStatus } from '@/db/schema/orders';

/** An order's status in the shopper's language; the colour follows the status (data-status in CSS). */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations('orderStatus');
  return (
    <span className="status-badge" data-status={status} data-testid="order-status">
      {t(status)}
    </span>
  );
}
