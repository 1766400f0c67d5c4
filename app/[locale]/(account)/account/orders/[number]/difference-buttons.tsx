'use client';
import { useActionState } from 'react';
import { failureOf } from '@/lib/actions/result';
import { declineDifferenceAction, payDifferenceAction } from './actions';

type Props = {
  locale: string;
  orderNumber: string;
  differenceId: number;
  /** Worded on the server (messages `purchasing.shopper`). */
  labels: { pay: string; decline: string; settled: string; error: string };
};

/**
 * "Pay the difference" and "Cancel these items". Both post to server actions, so they work without
 * JavaScript; a success leaves the page (the gateway's pay page, or back here with a notice), a
 * refusal is said under the buttons: already settled, or try again.
 */
export function DifferenceButtons({ locale, orderNumber, differenceId, labels }: Props) {
  const [payState, pay, isPaying] = useActionState(payDifferenceAction, null);
  const [declineState, decline, isDeclining] = useActionState(declineDifferenceAction, null);
  const failure = [failureOf(payState), failureOf(declineState)].filter((f) => f !== null).sort((a, b) => b.at - a.at)[0];
  const isSettled = failure?.error.code === 'invalid_transition' || failure?.error.code === 'not_found';
  const fields = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={orderNumber} />
      <input type="hidden" name="differenceId" value={differenceId} />
    </>
  );
  return (
    <>
      <form action={pay} style={{ display: 'inline' }}>
        {fields}
        <button type="submit" className="primary" disabled={isPaying || isDeclining} data-testid="pay-difference">
          {labels.pay}
        </button>
      </form>{' '}
      <form action={decline} style={{ display: 'inline' }}>
        {fields}
        <button type="submit" className="secondary" disabled={isPaying || isDeclining} data-testid="decline-difference">
          {labels.decline}
        </button>
      </form>
      {failure && (
        <p key={failure.at} role="alert" className="form-error" data-testid="difference-notice">
          {isSettled ? labels.settled : labels.error}
        </p>
      )}
    </>
  );
}
