import { atOrderRate } from '@/lib/purchasing/amounts';

/**
 * What one "more photos" request costs: `morePhotosCount` photos for `morePhotosPriceFen` CNY fen,
 * charged in the order's currency at its pinned rate (the one conversion every later money
 * movement of an order uses, rounded half-even once). A price that rounds to nothing in the
 * order's currency is not charged: the request is granted at once.
 */
export function morePhotosCharge(settings: { morePhotosCount: number; morePhotosPriceFen: number }, order: { chargeCurrency: string; chargeRate: string }) {
  return {
    quantity: settings.morePhotosCount,
    amountCnyMinor: settings.morePhotosPriceFen,
    chargeCurrency: order.chargeCurrency,
    chargeMinor: atOrderRate(settings.morePhotosPriceFen, order),
  };
}
