'use server';
import { revalidatePath, updateTag } from 'next/cache';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { cacheTags } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { createLineInput, lineActiveInput, updateLineInput } from '@/lib/shipping/line-input';
import { createShippingLine, setShippingLineActive, updateShippingLine } from '@/lib/shipping/save-line';

/** Every text field of the line form, sent back on a refusal so the form keeps what was typed (also without JavaScript). */
const typed = [
  'code', 'name', 'carrier', 'countries', 'volumetricDivisor', 'firstWeightGrams', 'firstPrice', 'continuedUnitGrams', 'continuedPrice', 'fuelSurcharge',
  'minWeightGrams', 'maxWeightGrams', 'maxLongestSideCm', 'maxLengthGirthCm', 'daysMin', 'daysMax', 'insuranceRate', 'insuranceMin', 'sortOrder',
  ...locales.map((locale) => `name_${locale}`),
];

/** Every quote reads the cached lines: a change shows in the next estimate at once. */
function linesChanged(locale: string) {
  updateTag(cacheTags.shippingLines);
  revalidatePath(adminPaths.shippingLines(locale));
}

export const createShippingLineAction = action({
  name: 'shipping line create',
  input: createLineInput,
  auth: { permission: 'shipping:manage' },
  run: ({ code, line }, { user }) => createShippingLine(getDb(), code, line, userActor(user)),
  revalidate: ({ locale }) => linesChanged(locale),
  redirect: ({ locale }, { id }) => `${adminPaths.shippingLine(locale, id)}?created=1`,
  echo: typed,
});

export const updateShippingLineAction = action({
  name: 'shipping line update',
  input: updateLineInput,
  auth: { permission: 'shipping:manage' },
  run: ({ id, version, line }, { user }) => updateShippingLine(getDb(), id, version, line, userActor(user)),
  revalidate: ({ locale, id }) => {
    linesChanged(locale);
    revalidatePath(adminPaths.shippingLine(locale, id));
  },
  echo: typed,
});

/** Deactivate (or activate again) from the list: the line leaves (or rejoins) every quote. */
export const setShippingLineActiveAction = action({
  name: 'shipping line active',
  input: lineActiveInput,
  auth: { permission: 'shipping:manage' },
  run: ({ id, isActive }, { user }) => setShippingLineActive(getDb(), id, isActive, userActor(user)),
  revalidate: ({ locale, id }) => {
    linesChanged(locale);
    revalidatePath(adminPaths.shippingLine(locale, id));
  },
});
