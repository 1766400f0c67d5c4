'use client';
import { useActionState } from 'react';
import { failureOf } from '@/lib/actions/result';
import { cancelOrderAction } from './actions';

type Props = {
  locale: string;
  orderNumber: string;
  /** Worded on the server (messages `orders`). */
  labels: { button: string; confirm: string; paying: string; changed: string; error: string };
};

/**
 * "Cancel this order" on an unpaid order. Posts to a server action (works without JavaScript); with
 * JavaScript it asks first. A refusal is said under the button: the payment went through meanwhile,
 * the order changed, or try again.
 */
export function CancelOrderForm({ locale, orderNumber, labels }: Props) {
  const [state, cancel, isCancelling] = useActionState(cancelOrderAction, null);
  const failure = failureOf(state);
  const message =
    failure?.error.code === 'conflict' ? labels.paying : failure?.error.code === 'invalid_transition' || failure?.error.code === 'not_found' ? labels.changed : failure ? labels.error : null;
  return (
    <form
      action={cancel}
      onSubmit={(event) => {
        if (!window.confirm(labels.confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={orderNumber} />
      <button type="submit" className="secondary" disabled={isCancelling} data-testid="cancel-order">
        {labels.button}
      </button>
      {message && (
        <p key={failure!.at} role="alert" className="form-error" data-testid="cancel-order-error">
          {message}
        </p>
      )}
    </form>
  );
}
