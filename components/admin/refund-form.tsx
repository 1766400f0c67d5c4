'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { issueRefundAction } from '@/app/[locale]/admin/orders/actions';
import { ActionError } from './action-error';

type Props = {
  locale: string;
  number: string;
  orderId: number;
  currency: string;
  /** What is still refundable, formatted, for the amount field's hint. */
  refundableText: string;
  items: { id: number; title: string; quantity: number; isRefunded: boolean }[];
  /** Drawn at render: a double click or a resubmit is the same refund. */
  idempotencyKey: string;
};

/** Refund by items (their share at the pinned rate) or by amount, to the card or the wallet, with a reason. */
export function RefundForm({ locale, number, orderId, currency, refundableText, items, idempotencyKey }: Props) {
  const t = useTranslations('admin.refunds');
  const [result, action, isPending] = useActionState(issueRefundAction, null);
  const [mode, setMode] = useState<'items' | 'amount'>('items');

  return (
    <form action={action} className="admin-form" data-testid="refund-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="key" value={idempotencyKey} />
      <fieldset>
        <legend>{t('by')}</legend>
        <label>
          <input type="radio" name="mode" value="items" checked={mode === 'items'} onChange={() => setMode('items')} /> {t('byItems')}
        </label>{' '}
        <label>
          <input type="radio" name="mode" value="amount" checked={mode === 'amount'} onChange={() => setMode('amount')} /> {t('byAmount')}
        </label>
      </fieldset>
      {mode === 'items' ? (
        <fieldset>
          <legend>{t('items')}</legend>
          {items.map((item) => (
            <label key={item.id} className="admin-field">
              <input type="checkbox" name="itemIds" value={item.id} disabled={item.isRefunded} /> {item.title} × {item.quantity}
              {item.isRefunded ? ` (${t('alreadyRefunded')})` : ''}
            </label>
          ))}
        </fieldset>
      ) : (
        <label className="admin-field">
          <span>{t('amount', { currency })}</span>
          <input type="number" name="amountMinor" min={1} step={1} inputMode="numeric" placeholder={t('amountPlaceholder', { refundable: refundableText })} />
        </label>
      )}
      <label className="admin-field">
        <span>{t('to')}</span>
        <select name="to" defaultValue="original">
          <option value="original">{t('destination.original')}</option>
          <option value="wallet">{t('destination.wallet')}</option>
        </select>
      </label>
      <label className="admin-field admin-field-wide">
        <span>{t('reason')}</span>
        <input type="text" name="reason" required maxLength={500} />
      </label>
      <div className="admin-buttons">
        <button type="submit" className="admin-button admin-button-danger" disabled={isPending}>
          {t('submit')}
        </button>
      </div>
      <p className="small muted" role="status">
        {isPending ? t('working') : result?.ok ? t('done') : ''}
      </p>
      <ActionError result={result} isDescribed />
    </form>
  );
}
