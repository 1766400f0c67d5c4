'use client';
import { useActionState } from 'react';
import { failureOf } from '@/lib/actions/result';
import { declineDifferenceAction, payDifferenceAction, payDifferenceFromWalletAction } from './actions';

type Props = {
  locale: string;
  orderNumber: string;
  differenceId: number;
  /** Worded on the server (messages `purchasing.shopper`). */
  labels: { pay: string; decline: string; settled: string; error: string };
  /** "Pay from my balance (…)" when the wallet covers the whole difference in its currency; else absent. */
  wallet?: { pay: string; insufficient: string };
};

/**
 * "Pay the difference" and "Cancel these items". Both post to server actions, so they work without
 * JavaScript; a success leaves the page (the gateway's pay page, or back here with a notice), a
 * refusal is said under the buttons: already settled, or try again.
 */
export function DifferenceButtons({ locale, orderNumber, differenceId, labels, wallet }: Props) {
  const [payState, pay, isPaying] = useActionState(payDifferenceAction, null);
  const [declineState, decline, isDeclining] = useActionState(declineDifferenceAction, null);
  const [walletState, payFromWallet, isPayingFromWallet] = useActionState(payDifferenceFromWalletAction, null);
  const isBusy = isPaying || isDeclining || isPayingFromWallet;
  const failure = [failureOf(payState), failureOf(declineState), failureOf(walletState)].filter((f) => f !== null).sort((a, b) => b.at - a.at)[0];
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
        <button type="submit" className="primary" disabled={isBusy} data-testid="pay-difference">
          {labels.pay}
        </button>
      </form>{' '}
      {wallet && (
        <>
          <form action={payFromWallet} style={{ display: 'inline' }}>
            {fields}
            <button type="submit" className="secondary" disabled={isBusy} data-testid="pay-difference-wallet">
              {wallet.pay}
            </button>
          </form>{' '}
        </>
      )}
      <form action={decline} style={{ display: 'inline' }}>
        {fields}
        <button type="submit" className="secondary" disabled={isBusy} data-testid="decline-difference">
          {labels.decline}
        </button>
      </form>
      {failure && (
        <p key={failure.at} role="alert" className="form-error" data-testid="difference-notice">
          {isSettled ? labels.settled : failure.error.code === 'insufficient_funds' && wallet ? wallet.insufficient : labels.error}
        </p>
      )}
    </>
  );
}
