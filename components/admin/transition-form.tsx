'use client';
import { useTranslations } from 'next-intl';
import { useActionState, type MouseEvent } from 'react';
import { transitionOrderAction } from '@/app/[locale]/admin/orders/actions';
import type { OrderStatus } from '@/db/schema/orders';
import { ActionError } from './action-error';

type Props = {
  locale: string;
  number: string;
  orderId: number;
  status: OrderStatus;
  version: number;
  transitions: { to: OrderStatus; key: string }[];
  /** Shown in the refund confirmation: what the gateway will give back. */
  refundText: string;
};

const confirmed = new Set<OrderStatus>(['refunded', 'cancelled']);

/**
 * One form, one submit button per allowed transition (the pressed button's `to` is posted). The
 * hidden version makes the action a compare-and-set against what this page showed.
 */
export function TransitionForm({ locale, number, orderId, status, version, transitions, refundText }: Props) {
  const t = useTranslations('admin.detail');
  const names = useTranslations('admin.transitions');
  const [result, action, isPending] = useActionState(transitionOrderAction, null);

  const confirmFirst = (to: OrderStatus) => (event: MouseEvent<HTMLButtonElement>) => {
    if (!confirmed.has(to)) return;
    const question = to === 'refunded' ? t('confirmRefund', { amount: refundText }) : t('confirmCancel');
    if (!window.confirm(question)) event.preventDefault();
  };

  return (
    <form action={action} className="admin-transitions" data-testid="transition-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="from" value={status} />
      <input type="hidden" name="version" value={version} />
      <label className="admin-field admin-field-wide">
        <span>{t('reason')}</span>
        <input type="text" name="reason" maxLength={500} placeholder={t('reasonPlaceholder')} />
      </label>
      <div className="admin-buttons">
        {transitions.map((transition) => (
          <button
            key={transition.to}
            type="submit"
            name="to"
            value={transition.to}
            className={confirmed.has(transition.to) ? 'admin-button admin-button-danger' : 'admin-button'}
            disabled={isPending}
            onClick={confirmFirst(transition.to)}
            data-to={transition.to}
          >
            {names(transition.key)}
          </button>
        ))}
      </div>
      <p className="small muted" role="status">
        {isPending ? t('working') : result?.ok ? t('done') : ''}
      </p>
      <ActionError result={result} />
    </form>
  );
}
