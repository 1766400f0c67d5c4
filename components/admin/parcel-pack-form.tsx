import { ActionForm } from '@/components/parcels/action-form';
import { packParcelAction } from '@/app/[locale]/admin/parcels/actions';

/** The pack form (real weight and box) of one parcel, on the board's "to pack" rows and on the parcel's own page. */
export function ParcelPackForm({ locale, number, labels }: { locale: string; number: string; labels: { weight: string; dims: string; pack: string } }) {
  return (
    <ActionForm action={packParcelAction} className="admin-inline-form" testId="pack-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={number} />
      <label>
        {labels.weight} <input name="weightGrams" type="number" min={1} max={100000} required inputMode="numeric" />
      </label>
      <fieldset>
        <legend>{labels.dims}</legend>
        <input name="lengthCm" type="number" min={1} max={300} required aria-label="L" />
        <input name="widthCm" type="number" min={1} max={300} required aria-label="W" />
        <input name="heightCm" type="number" min={1} max={300} required aria-label="H" />
      </fieldset>
      <button type="submit">{labels.pack}</button>
    </ActionForm>
  );
}
