import 'server-only';
import { platformName } from '@/lib/suppliers/platform-name';
import { hasConnector } from '@/lib/suppliers/registry';
import { supplierPlatforms } from '@/lib/suppliers/types';

/**
 * What this shop does today, as its pages may promise it: the storefront's steps and descriptions
 * name only these. Each flag turns on when its module lands (the warehouse receives and photographs
 * items; parcels ship them abroad), and the text grows with it.
 */
export const capabilities = {
  /** Goods are received, weighed and photographed in the warehouse for the shopper to approve. */
  warehouseInspection: false,
  /** Items are consolidated into parcels and shipped abroad through the shop. */
  internationalShipping: false,
} as const;

/** The marketplaces a pasted link can be imported from (those with a connector), named for `locale` and joined as a list. */
export async function importableMarketplaces(locale: string): Promise<string> {
  const names = await Promise.all(supplierPlatforms.filter(hasConnector).map((platform) => platformName(locale, platform)));
  return new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' }).format(names);
}
