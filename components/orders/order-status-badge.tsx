import { useTranslations } from 'next-intl';
import type { OrderStatus } from '@/db/schema/orders';

/**
 * An order's status in the shopper's language; the colour follows the status (data-status in CSS).
 * A cash-on-delivery order that is still `pending` awaits staff confirmation, not a payment.
 */
export function OrderStatusBadge({ status, gateway }: { status: OrderStatus; gateway?: string }) {
  const t = useTranslations('orderStatus');
  const isAwaitingConfirmation = status === 'pending' && gateway === 'cod';
  return (
    <span className="status-badge" data-status={status} data-testid="order-status">
      {isAwaitingConfirmation ? t('awaitingConfirmation') : t(status)}
    </span>
  );
}
