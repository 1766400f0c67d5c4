import type { Ineligibility } from './types';

const kg = (grams: number) => `${(grams / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} kg`;

/** An English sentence for a refusal: the open API's `message` and the logs. Pages word the code in their own language. */
export function describeIneligibility(reason: Ineligibility): string {
  switch (reason.code) {
    case 'destination_not_served':
      return `Does not deliver to ${reason.country}`;
    case 'refused_goods':
      return `Refused goods: ${reason.goods.join(', ')}`;
    case 'under_min_weight':
      return `Takes parcels from ${kg(reason.limitGrams)}; this one weighs ${kg(reason.grams)}`;
    case 'over_max_weight':
      return `Takes parcels up to ${kg(reason.limitGrams)}; this one weighs ${kg(reason.grams)}`;
    case 'longest_side_exceeded':
      return `Longest side at most ${reason.limitCm} cm; this box has ${reason.cm} cm`;
    case 'length_girth_exceeded':
      return `Length plus girth at most ${reason.limitCm} cm; this box has ${reason.cm} cm`;
  }
}
