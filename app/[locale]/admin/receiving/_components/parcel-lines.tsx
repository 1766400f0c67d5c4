'use client';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState, type FormEvent } from 'react';
import { failureOf } from '@/lib/actions/result';
import { adminPaths } from '@/lib/admin/paths';
import type { ParcelLine } from '@/lib/warehouse/queries/get-parcel-lines';
import { receiveLinesAction } from '../actions';
import { ErrorLine, type Translate } from './error-line';

type Outcome = 'complete' | 'short' | 'damaged' | 'wrong_item' | 'skip';
const outcomes: Outcome[] = ['complete', 'short', 'damaged', 'wrong_item', 'skip'];
type Entered = { weight: string; dims: string; bin: string };

/**
 * A scanned parcel's lines. Those still upstream are received here, each with what was found (all
 * of it, fewer pieces, damaged, the wrong item, or not in this parcel at all), a note for anything
 * but all, its weight, size and bin. Lines in the warehouse show what receiving found and how far
 * their QC photos are, with the way to the photo screen and the labels.
 */
export function ParcelLines({ locale, parcel, entered, onReceived }: { locale: string; parcel: { trackingNumber: string; lines: ParcelLine[] }; entered: Entered; onReceived: () => void }) {
  const t = useTranslations('admin.receiving');
  const [result, action, isPending] = useActionState(receiveLinesAction, null);
  const failure = failureOf(result);
  const lines = result?.ok && result.data.matched ? result.data.lines : parcel.lines;
  const upstream = lines.filter((l) => l.status === 'upstream');
  const arrived = lines.filter((l) => l.status !== 'upstream');
  useEffect(() => {
    if (result?.ok) onReceived();
  }, [result, onReceived]);
  // Submitted by hand so a refused form keeps what was typed (a form action would empty it).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <div data-testid="parcel" data-tracking={parcel.trackingNumber} data-at={result?.at}>
      <p className="small">{t('matched', { count: lines.length })}</p>
      {upstream.length > 0 && (
        <form onSubmit={submit} data-testid="receive-lines" autoComplete="off" noValidate>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="trackingNumber" value={parcel.trackingNumber} />
          <ul className="receive-lines">
            {upstream.map((line) => (
              <LineFields key={line.itemId} line={line} t={t} fields={failure?.error.fields} entered={{ ...entered, ...(parcel.lines.length === 1 ? {} : { weight: '', dims: '' }) }} />
            ))}
          </ul>
          {failure &&
            (failure.error.fields?.lines ? (
              <p className="admin-error" role="alert" data-testid="receive-error">
                {t('lineErrors.noLine')}
              </p>
            ) : (
              <ErrorLine code={failure.error.code} t={t} />
            ))}
          <button type="submit" className="admin-button" disabled={isPending} data-testid="receive-lines-submit">
            {isPending ? t('working') : t('receive')}
          </button>
        </form>
      )}
      {arrived.length > 0 && <ArrivedLines locale={locale} lines={arrived} t={t} />}
    </div>
  );
}

function LineFields({ line, t, fields, entered }: { line: ParcelLine; t: Translate; fields: Record<string, string> | undefined; entered: Entered }) {
  const [outcome, setOutcome] = useState<Outcome>('complete');
  const id = line.itemId;
  const problem = (name: string) => fields?.[`${name}-${id}`];
  const hint = (name: string) =>
    problem(name) ? (
      <span className="admin-error-text small" data-testid={`line-error-${name}`}>
        {t(`lineErrors.${problem(name) as 'noteRequired'}`)}
      </span>
    ) : null;
  const isAll = outcome === 'complete' || outcome === 'skip';
  return (
    <li className="receive-line admin-panel" data-item={id} data-status={line.status}>
      <input type="hidden" name="itemId" value={id} />
      <p className="receive-line-title" dir="auto">
        <strong>{line.title}</strong>
        {line.options && <span className="admin-sub small muted">{line.options}</span>}
      </p>
      <p className="small muted">
        <span dir="ltr">×{line.quantity}</span> · <span className="admin-mono" dir="ltr">{line.orderNumber}</span> · <span className="admin-mono" dir="ltr">{line.purchaseOrder}</span>
      </p>
      <div className="receive-line-fields">
        <label className="admin-field">
          <span>{t('outcomeLabel')}</span>
          <select name={`outcome-${id}`} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} data-testid="line-outcome">
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {o === 'complete' ? t('outcome.completeOf', { count: line.quantity }) : t(`outcome.${o}`)}
              </option>
            ))}
          </select>
        </label>
        {!isAll && (
          <>
            <label className="admin-field">
              <span>{outcome === 'short' ? t('receivedQuantityShort', { count: line.quantity }) : t('receivedQuantity')}</span>
              <input
                name={`received-${id}`}
                inputMode="numeric"
                pattern="\d{1,6}"
                maxLength={6}
                dir="ltr"
                required={outcome === 'short'}
                placeholder={outcome === 'short' ? '' : String(line.quantity)}
                aria-invalid={problem('received') ? true : undefined}
                data-testid="line-received"
              />
              {hint('received')}
            </label>
            <label className="admin-field receive-line-note">
              <span>{t(`noteFor.${outcome}`)}</span>
              <textarea name={`note-${id}`} rows={2} maxLength={500} required dir="auto" aria-invalid={problem('note') ? true : undefined} data-testid="line-note" />
              {hint('note')}
            </label>
          </>
        )}
        {outcome !== 'skip' && (
          <>
            <label className="admin-field">
              <span>{t('weight')}</span>
              <input name={`weight-${id}`} inputMode="numeric" pattern="\d{1,7}" maxLength={7} dir="ltr" defaultValue={entered.weight} aria-invalid={problem('weight') ? true : undefined} data-testid="line-weight" />
              {hint('weight')}
            </label>
            <label className="admin-field">
              <span>{t('dims')}</span>
              <input name={`dims-${id}`} placeholder="30x20x5" maxLength={40} dir="ltr" defaultValue={entered.dims} aria-invalid={problem('dims') ? true : undefined} data-testid="line-dims" />
              {hint('dims')}
            </label>
            <label className="admin-field">
              <span>{t('bin')}</span>
              <input name={`bin-${id}`} placeholder="A-03-2" maxLength={16} autoCapitalize="characters" dir="ltr" defaultValue={entered.bin} aria-invalid={problem('bin') ? true : undefined} data-testid="line-bin" />
              {hint('bin')}
            </label>
          </>
        )}
      </div>
    </li>
  );
}

function ArrivedLines({ locale, lines, t }: { locale: string; lines: ParcelLine[]; t: Translate }) {
  return (
    <>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="received-items">
          <thead>
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('photos')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.itemId} data-item={line.itemId} data-status={line.status} data-outcome={line.outcome ?? undefined}>
                <td>
                  <span className="admin-mono" dir="ltr">
                    {line.orderNumber}
                  </span>
                  <span className="admin-sub small" dir="auto">
                    {line.title}
                  </span>
                </td>
                <td>
                  {t(`itemStatus.${line.status as 'in_warehouse'}`)}
                  {line.outcome && line.outcome !== 'complete' && (
                    <span className="admin-sub small" data-testid="line-outcome-shown">
                      {t(`outcome.${line.outcome}`)}
                      {line.outcome === 'short' && <span dir="ltr"> {t('receivedOf', { received: line.receivedQuantity ?? 0, count: line.quantity })}</span>}
                      {line.note && (
                        <>
                          : <q dir="auto">{line.note}</q>
                        </>
                      )}
                    </span>
                  )}
                </td>
                <td>
                  <a href={adminPaths.receivingItem(locale, line.itemId)} data-testid="photo-link" data-photos={line.photos.photos}>
                    {t('photoProgress', { photos: line.photos.photos, allowance: line.photos.allowance })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`${adminPaths.receiving(locale)}/labels?items=${lines.map((l) => l.itemId).join(',')}`} className="admin-button admin-button-quiet" data-testid="print-labels">
          {t('printLabels')}
        </a>
      </p>
    </>
  );
}
