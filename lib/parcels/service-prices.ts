import type { ParcelService } from '@/db/schema/parcels';
import { convert, money, type CurrencyCode, type Money } from '@/lib/money';
import type { Settings } from '@/lib/settings/definitions';
import type { ShippingQuote } from '@/lib/shipping/types';

/** The price of each service but insurance (which is the line's rate on the declared value), in CNY fen, from the settings. */
export function servicePriceCny(service: Exclude<ParcelService, 'insurance'>, settings: Settings): number {
  switch (service) {
    case 'rehearsal':
      return settings['parcels.rehearsalPriceFen'];
    case 'remove_retail_boxes':
      return settings['parcels.removeRetailBoxesPriceFen'];
    case 'reinforced_packing':
      return settings['parcels.reinforcedPackingPriceFen'];
    case 'packed_photos':
      return settings['parcels.packedPhotosPriceFen'];
  }
}

export type ParcelPrice = {
  shippingCny: number;
  insuranceCny: number;
  servicesCny: number;
  totalCny: number;
  /** The quote's own converted price: the estimate the shopper saw on the line. */
  shipping: Money;
  /** What the shopper pays: shipping + insurance + services, each converted once at the pinned rate. */
  charge: Money;
};

/**
 * A parcel's price from its line's quote: the quote's shipping (unchanged: the parcel estimate is the
 * quote), insurance when chosen (null from a line that does not insure is refused by the caller), and
 * the other services at their settings' prices.
 */
export function priceParcel(quote: ShippingQuote, services: readonly ParcelService[], settings: Settings, currency: CurrencyCode, rate: string): ParcelPrice {
  const insuranceCny = services.includes('insurance') ? (quote.insuranceCny?.amountMinor ?? 0) : 0;
  const servicesCny = services.filter((s): s is Exclude<ParcelService, 'insurance'> => s !== 'insurance').reduce((total, s) => total + servicePriceCny(s, settings), 0);
  const at = (cny: number) => convert(money(cny, 'CNY'), currency, rate).amountMinor;
  const chargeMinor = quote.price.amountMinor + at(insuranceCny) + at(servicesCny);
  return {
    shippingCny: quote.priceCny.amountMinor,
    insuranceCny,
    servicesCny,
    totalCny: quote.priceCny.amountMinor + insuranceCny + servicesCny,
    shipping: quote.price,
    charge: money(chargeMinor, currency),
  };
}
