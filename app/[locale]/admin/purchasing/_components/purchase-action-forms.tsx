'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, type MouseEvent } from 'react';
import type { ActionState } from '@/lib/actions/result';
import type { StaffPurchaseResult } from '@/lib/purchasing/buy-seller-group';
import type { ManualResult } from '@/lib/purchasing/mark-purchased-by-hand';
import { purchasingKeys } from '@/lib/purchasing/query-keys';
import { buyNowAction, cancelAction, markPurchasedAction, releaseNoteAction, retryAction } from '../actions';
import { PurchaseActionError } from './purchase-action-error';

/** After any action, the board polls at once instead of waiting for its next tick. */
function useRefreshBoard(result: ActionState<unknown>) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (result?.ok) void queryClient.invalidateQueries({ queryKey: purchasingKeys.all });
  }, [result, queryClient]);
}

function Outcome({ result }: { result: ActionState<StaffPurchaseResult> }) {
  const t = useTranslations('purchasing.actions');
  if (!result?.ok) return <PurchaseActionError result={result} />;
  return (
    <p className="small" role="status" data-testid="purchase-outcome" data-outcome={result.data.outcome}>
      {t(`outcome.${result.data.outcome}`)}
    </p>
  );
}

const Hidden = ({ values }: { values: Record<string, string | number> }) => (
  <>
    {Object.entries(values).map(([name, value]) => (
      <input key={name} type="hidden" name={name} value={value} />
    ))}
  </>
);

export function BuyNowForm({ locale, sellerId }: { locale: string; sellerId: number }) {
  const t = useTranslations('purchasing.actions');
  const [result, action, isPending] = useActionState(buyNowAction, null);
  useRefreshBoard(result);
  return (
    <form action={action} className="admin-inline-form" data-testid="buy-now">
      <Hidden values={{ locale, sellerId }} />
      <button type="submit" className="admin-button" disabled={isPending}>
        {isPending ? t('working') : t('buyNow')}
      </button>
      <Outcome result={result} />
    </form>
  );
}

type PoProps = { locale: string; purchaseOrderId: number; version: number };

export function RetryForm({ locale, purchaseOrderId, version, isOutcomeUnknown }: PoProps & { isOutcomeUnknown: boolean }) {
  const t = useTranslations('purchasing.actions');
  const [result, action, isPending] = useActionState(retryAction, null);
  useRefreshBoard(result);
  // An unknown outcome may already be an upstream order: retrying would buy the goods twice.
  const confirmFirst = (event: MouseEvent<HTMLButtonElement>) => {
    if (isOutcomeUnknown && !window.confirm(t('confirmRetryUnknown'))) event.preventDefault();
  };
  return (
    <form action={action} className="admin-inline-form" data-testid="retry-purchase">
      <Hidden values={{ locale, purchaseOrderId, version }} />
      <button type="submit" className="admin-button" disabled={isPending} onClick={confirmFirst}>
        {isPending ? t('working') : t('retry')}
      </button>
      <Outcome result={result} />
    </form>
  );
}

export function CancelForm({ locale, purchaseOrderId, version }: PoProps) {
  const t = useTranslations('purchasing.actions');
  const [result, action, isPending] = useActionState(cancelAction, null);
  useRefreshBoard(result);
  const confirmFirst = (event: MouseEvent<HTMLButtonElement>) => {
    if (!window.confirm(t('confirmCancel'))) event.preventDefault();
  };
  return (
    <form action={action} className="admin-inline-form" data-testid="cancel-purchase">
      <Hidden values={{ locale, purchaseOrderId, version }} />
      <button type="submit" className="admin-button admin-button-danger" disabled={isPending} onClick={confirmFirst}>
        {t('cancel')}
      </button>
      {result?.ok ? (
        <p className="small" role="status">
          {t('cancelled', { count: result.data.requeued })}
        </p>
      ) : (
        <PurchaseActionError result={result} />
      )}
    </form>
  );
}

export function MarkPurchasedForm({ locale, purchaseOrderId, version }: PoProps) {
  const t = useTranslations('purchasing.actions');
  const [result, action, isPending] = useActionState(markPurchasedAction, null);
  useRefreshBoard(result);
  const manual: ManualResult | null = result?.ok ? result.data : null;
  return (
    <form action={action} className="admin-inline-form" data-testid="mark-purchased">
      <Hidden values={{ locale, purchaseOrderId, version }} />
      <label className="admin-field">
        <span>{t('upstreamOrderId')}</span>
        <input name="upstreamOrderId" inputMode="numeric" pattern="\d{6,30}" required maxLength={30} dir="ltr" title={t('upstreamOrderIdHint')} />
      </label>
      <button type="submit" className="admin-button" disabled={isPending}>
        {isPending ? t('working') : t('markPurchased')}
      </button>
      {manual && (
        <p className="small" role="status" data-testid="manual-outcome" data-changed={String(manual.changed)}>
          {manual.changed ? t('markedPurchased') : manual.upstreamOrderId ? t('alreadyPlaced', { id: manual.upstreamOrderId }) : t('notManual')}
        </p>
      )}
      <PurchaseActionError result={result} />
    </form>
  );
}

/**
 * A shopper's note, read: the purchaser writes what the seller should read in Chinese (started from
 * the machine draft when there is one) and releases the line to buying. Uncontrolled, so the
 * board's polling never overwrites what is being typed.
 */
export function ReleaseNoteForm({ locale, itemId, draft, maxLength }: { locale: string; itemId: number; draft: string | null; maxLength: number }) {
  const t = useTranslations('purchasing.notes');
  const [result, action, isPending] = useActionState(releaseNoteAction, null);
  useRefreshBoard(result);
  return (
    <form action={action} className="admin-stack-form" data-testid="release-note">
      <Hidden values={{ locale, itemId }} />
      <label className="admin-field">
        <span>{t('sellerNote')}</span>
        <textarea name="sellerNote" lang="zh-CN" rows={3} maxLength={maxLength} defaultValue={draft ?? ''} placeholder={t('sellerNotePlaceholder')} />
      </label>
      <p className="small muted">{draft ? t('draftHint') : t('noDraft')}</p>
      <button type="submit" className="admin-button" disabled={isPending}>
        {isPending ? t('working') : t('release')}
      </button>
      {result?.ok && (
        <p className="small" role="status" data-testid="note-released">
          {t('released', { order: result.data.orderNumber })}
        </p>
      )}
      <PurchaseActionError result={result} />
    </form>
  );
}
