'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useCallback, useEffect, useRef } from 'react';
import { failureOf } from '@/lib/actions/result';
import { assignUnclaimedAction, scanParcelAction } from '../actions';
import { ErrorLine } from './error-line';
import { ParcelLines } from './parcel-lines';

/**
 * The receiving desk, for a handheld scanner (it types the number and presses Enter) or a phone:
 * the tracking field keeps the focus, and after each scan it is emptied for the next parcel while
 * the parcel's lines stay on screen to be received one by one. Weight, size and bin, when typed,
 * fill the lines' fields (weight and size only when the parcel holds one line).
 */
export function ReceiveForm({ locale }: { locale: string }) {
  const t = useTranslations('admin.receiving');
  const [result, action, isPending] = useActionState(scanParcelAction, null);
  const tracking = useRef<HTMLInputElement>(null);
  const focusTracking = useCallback(() => tracking.current?.focus(), []);
  useEffect(() => {
    tracking.current?.focus();
  }, [result]);
  const failure = failureOf(result);
  return (
    <section aria-labelledby="receive-heading" className="admin-panel">
      <h2 id="receive-heading">{t('scanTitle')}</h2>
      <form action={action} className="admin-filters" data-testid="receive-form" autoComplete="off">
        <input type="hidden" name="locale" value={locale} />
        <label className="admin-field admin-field-wide">
          <span>{t('tracking')}</span>
          <input ref={tracking} name="trackingNumber" required maxLength={80} autoFocus enterKeyHint="go" autoCapitalize="characters" spellCheck={false} dir="ltr" defaultValue={failure?.values?.trackingNumber} />
        </label>
        <label className="admin-field">
          <span>{t('weight')}</span>
          <input name="weightGrams" inputMode="numeric" pattern="\d{1,7}" maxLength={7} dir="ltr" defaultValue={failure?.values?.weightGrams} />
        </label>
        <label className="admin-field">
          <span>{t('dims')}</span>
          <input name="dims" placeholder="30x20x5" maxLength={40} dir="ltr" defaultValue={failure?.values?.dims} aria-invalid={failure?.error.fields?.dims ? true : undefined} />
        </label>
        <label className="admin-field">
          <span>{t('bin')}</span>
          <input name="bin" placeholder="A-03-2" maxLength={16} autoCapitalize="characters" dir="ltr" defaultValue={failure?.values?.bin} />
        </label>
        <button type="submit" className="admin-button" disabled={isPending}>
          {isPending ? t('working') : t('receive')}
        </button>
      </form>
      <div aria-live="polite" data-testid="receive-result" data-at={result?.at}>
        {failure && <ErrorLine code={failure.error.code} t={t} />}
        {result?.ok && !result.data.matched && (
          <p className="admin-notice" data-testid="receive-unclaimed" data-inbound={result.data.inboundId}>
            {t('unclaimedKept', { id: result.data.inboundId })}
          </p>
        )}
        {result?.ok && result.data.matched && <ParcelLines key={result.at} locale={locale} parcel={result.data} entered={result.data.entered} onReceived={focusTracking} />}
      </div>
    </section>
  );
}

/** Assigns one unclaimed parcel to the purchase order it belongs to (its reference, PO…). */
export function AssignForm({ locale, inboundId }: { locale: string; inboundId: number }) {
  const t = useTranslations('admin.receiving');
  const [result, action, isPending] = useActionState(assignUnclaimedAction, null);
  const failure = failureOf(result);
  return (
    <form action={action} className="admin-inline-form" data-testid="assign-unclaimed">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="inboundId" value={inboundId} />
      <label className="admin-field">
        <span>{t('purchaseOrder')}</span>
        <input name="purchaseOrderReference" required maxLength={32} placeholder="PO261207-…" dir="ltr" defaultValue={failure?.values?.purchaseOrderReference} />
      </label>
      <button type="submit" className="admin-button" disabled={isPending}>
        {isPending ? t('working') : t('assign')}
      </button>
      {failure && <ErrorLine code={failure.error.code} t={t} />}
    </form>
  );
}
