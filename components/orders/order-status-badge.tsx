import { useTranslations } from 'next-intl';
import type { OrderStatus } from '@/db/schema/orders';

/**
 * An order's status in the shopper's language; the colour follows the status (data-status in CSS).
 * A cash-on-delivery order that is still `pending` awaits staff confirmation, not a payment; a
 * card order whose payment the gateway accepted (`isConfirming`) awaits only the webhook.
 */
export function OrderStatusBadge({ status, gateway, isConfirming = false }: { status: OrderStatus; gateway?: string; isConfirming?: boolean }) {
  const t = useTranslations('orderStatus');
  const isAwaitingConfirmation = status === 'pending' && gateway === 'cod';
  const label = isAwaitingConfirmation ? t('awaitingConfirmation') : status === 'pending' && isConfirming ? t('confirmingPayment') : t(status);
  return (
    <span className="status-badge" data-status={status} data-testid="order-status" data-confirming={isConfirming && status === 'pending' ? 'yes' : undefined}>
      {label}
    </span>
  );
}
