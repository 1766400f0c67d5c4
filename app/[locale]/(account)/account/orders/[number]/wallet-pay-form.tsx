'use client';
import { useActionState } from 'react';
import { failureOf } from '@/lib/actions/result';
import { payOrderFromWalletAction } from './actions';

type Props = {
  locale: string;
  orderNumber: string;
  /** Worded on the server (messages `wallet.pay`). */
  labels: { button: string; hint: string; empty: string; paying: string; changed: string; error: string };
};

/**
 * "Pay with my balance" on an unpaid card order. Posts to a server action (works without
 * JavaScript): the balance pays all of it (back here, paid) or its part (on to the card's pay page
 * for the rest). A refusal is said under the button.
 */
export function WalletPayForm({ locale, orderNumber, labels }: Props) {
  const [state, pay, isPaying] = useActionState(payOrderFromWalletAction, null);
  const failure = failureOf(state);
  const code = failure?.error.code;
  const message = !failure
    ? null
    : code === 'insufficient_funds'
      ? labels.empty
      : code === 'conflict'
        ? labels.paying
        : code === 'invalid_transition' || code === 'not_found'
          ? labels.changed
          : labels.error;
  return (
    <form action={pay} className="order-pay" data-testid="wallet-pay">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={orderNumber} />
      <button type="submit" className="secondary" disabled={isPaying} data-testid="pay-from-wallet" aria-describedby="wallet-pay-hint">
        {labels.button}
      </button>
      <span id="wallet-pay-hint" className="muted small">
        {' '}
        {labels.hint}
      </span>
      {message && (
        <p key={failure!.at} role="alert" className="form-error" data-testid="wallet-pay-error">
          {message}
        </p>
      )}
    </form>
  );
}
