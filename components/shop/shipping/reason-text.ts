import type { Ineligibility } from '@/lib/shipping/types';
import { countryName, formatCentimetres, formatWeight, listOf } from '@/lib/shipping/format';
import { isolate } from '@/lib/i18n/bidi';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A line's refusal in the shopper's language (`t` is the `shipping` namespace). */
export function reasonText(t: Translate, reason: Ineligibility, locale: string): string {
  switch (reason.code) {
    case 'destination_not_served':
      return t('reasons.destination_not_served', { country: countryName(reason.country, locale) });
    case 'refused_goods':
      return t('reasons.refused_goods', { goods: listOf(reason.goods.map((good) => t(`goodsWords.${good}`)), locale) });
    case 'under_min_weight':
    case 'over_max_weight':
      return t(`reasons.${reason.code}`, { limit: isolate(formatWeight(reason.limitGrams, locale)) });
    case 'longest_side_exceeded':
    case 'length_girth_exceeded':
      return t(`reasons.${reason.code}`, { limit: isolate(formatCentimetres(reason.limitCm, locale)), size: isolate(formatCentimetres(reason.cm, locale)) });
  }
}
