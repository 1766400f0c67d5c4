'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { failureOf } from '@/lib/actions/result';
import { adminPaths } from '@/lib/admin/paths';
import { assignUnclaimedAction, receiveParcelAction } from '../actions';

type Translate = ReturnType<typeof useTranslations<'admin.receiving'>>;

function ErrorLine({ code, t }: { code: string; t: Translate }) {
  const known = ['validation_failed', 'not_found', 'invalid_transition', 'forbidden', 'unauthorized'];
  return (
    <p className="admin-error" role="alert" data-testid="receive-error">
      {t(`errors.${known.includes(code) ? code : 'generic'}`)}
    </p>
  );
}

/**
 * The receiving desk, for a handheld scanner (it types the number and presses Enter) or a phone:
 * the tracking field keeps the focus, and after each scan it is emptied for the next parcel while
 * the answer stays on screen. Weight and size, when typed, go with the next scan.
 */
export function ReceiveForm({ locale }: { locale: string }) {
  const t = useTranslations('admin.receiving');
  const [result, action, isPending] = useActionState(receiveParcelAction, null);
  const tracking = useRef<HTMLInputElement>(null);
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
      <div aria-live="polite" data-testid="receive-result">
        {failure && <ErrorLine code={failure.error.code} t={t} />}
        {result?.ok && !result.data.matched && (
          <p className="admin-notice" data-testid="receive-unclaimed" data-inbound={result.data.inboundId}>
            {t('unclaimedKept', { id: result.data.inboundId })}
          </p>
        )}
        {result?.ok && result.data.matched && (
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="received-items">
              <caption className="small">{t('matched', { count: result.data.items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('order')}</th>
                  <th scope="col">{t('item')}</th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((item) => (
                  <tr key={item.itemId} data-item={item.itemId} data-status={item.status}>
                    <td className="admin-mono" dir="ltr">
                      {item.orderNumber}
                    </td>
                    <td className="admin-mono" dir="ltr">
                      {item.itemId}
                    </td>
                    <td>{t(`itemStatus.${item.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <a href={`${adminPaths.receiving(locale)}/labels?items=${result.data.items.map((i) => i.itemId).join(',')}`} className="admin-button admin-button-quiet" data-testid="print-labels">
                {t('printLabels')}
              </a>
            </p>
          </div>
        )}
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
