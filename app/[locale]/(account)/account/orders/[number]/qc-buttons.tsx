'use client';
import { useActionState } from 'react';
import { failureOf } from '@/lib/actions/result';
import { acceptItemAction, morePhotosAction, morePhotosFromWalletAction, returnItemAction } from './actions';

type Props = {
  locale: string;
  orderNumber: string;
  itemId: number;
  /** Worded on the server (messages `qc`). */
  labels: {
    accept: string;
    morePhotos: string;
    returnReason: string;
    returnButton: string;
    accepted: string;
    returnRequested: string;
    decided: string;
    reasonRequired: string;
    reasonTooLong: string;
    error: string;
  };
  /** "More photos, paid from my balance (…)" when the wallet covers the charge; else absent. */
  wallet?: { pay: string; insufficient: string };
};

/**
 * The shopper's three QC answers for one item: accept, more photos (the gateway's pay page), return
 * with a reason. Server actions, so they work without JavaScript; a stale page or a second click
 * is told the item was decided already, and nothing changes.
 */
export function QcButtons({ locale, orderNumber, itemId, labels, wallet }: Props) {
  const [acceptState, accept, isAccepting] = useActionState(acceptItemAction, null);
  const [photosState, morePhotos, isAsking] = useActionState(morePhotosAction, null);
  const [returnState, askReturn, isReturning] = useActionState(returnItemAction, null);
  const [walletState, morePhotosFromWallet, isPayingFromWallet] = useActionState(morePhotosFromWalletAction, null);
  const isBusy = isAccepting || isAsking || isReturning || isPayingFromWallet;
  const failure = [failureOf(acceptState), failureOf(photosState), failureOf(returnState), failureOf(walletState)].filter((f) => f !== null).sort((a, b) => b.at - a.at)[0];
  const reasonField = failureOf(returnState)?.error.fields?.reason;
  const success = acceptState?.ok ? labels.accepted : returnState?.ok ? labels.returnRequested : null;
  const message = !failure
    ? null
    : failure.error.code === 'insufficient_funds' && wallet
      ? wallet.insufficient
      : failure.error.code === 'invalid_transition' || failure.error.code === 'not_found'
      ? labels.decided
      : failure.error.code === 'validation_failed'
        ? reasonField === 'returnReasonTooLong'
          ? labels.reasonTooLong
          : labels.reasonRequired
        : labels.error;
  const fields = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={orderNumber} />
      <input type="hidden" name="itemId" value={itemId} />
    </>
  );
  return (
    <div className="qc-actions" data-testid="qc-actions">
      <form action={accept} className="qc-inline">
        {fields}
        <button type="submit" className="primary" disabled={isBusy} data-testid="qc-accept">
          {labels.accept}
        </button>
      </form>
      <form action={morePhotos} className="qc-inline">
        {fields}
        <button type="submit" className="secondary" disabled={isBusy} data-testid="qc-more-photos">
          {labels.morePhotos}
        </button>
      </form>
      {wallet && (
        <form action={morePhotosFromWallet} className="qc-inline">
          {fields}
          <button type="submit" className="secondary" disabled={isBusy} data-testid="qc-more-photos-wallet">
            {wallet.pay}
          </button>
        </form>
      )}
      <form action={askReturn} className="qc-return">
        {fields}
        <label htmlFor={`qc-reason-${itemId}`}>{labels.returnReason}</label>
        <textarea
          id={`qc-reason-${itemId}`}
          name="reason"
          required
          minLength={3}
          maxLength={500}
          rows={2}
          dir="auto"
          defaultValue={failureOf(returnState)?.values?.reason ?? ''}
          aria-invalid={reasonField ? true : undefined}
          data-testid="qc-reason"
        />
        <button type="submit" className="secondary" disabled={isBusy} data-testid="qc-return">
          {labels.returnButton}
        </button>
      </form>
      {message && (
        <p key={failure!.at} role="alert" className="form-error" data-testid="qc-notice">
          {message}
        </p>
      )}
      {success && (
        <p role="status" className="form-notice" data-testid="qc-done">
          {success}
        </p>
      )}
    </div>
  );
}
