/**
 * The hosted pay page of an order: `${SITE_URL}/pay/{number}/{payToken}`. The token is the secret
 * part that lets a partner's customer pay without signing in.
 */
export function paymentUrl(siteUrl: string, order: { number: string; payToken: string }): string {
  return `${siteUrl.replace(/\/+$/, '')}/pay/${encodeURIComponent(order.number)}/${encodeURIComponent(order.payToken)}`;
}

/** The pay link of a parcel (its price, or its top-up after packing): `${SITE_URL}/pay/parcel/{number}/{payToken}`. */
export function parcelPaymentUrl(siteUrl: string, parcel: { number: string; payToken: string }): string {
  return `${siteUrl.replace(/\/+$/, '')}/pay/parcel/${encodeURIComponent(parcel.number)}/${encodeURIComponent(parcel.payToken)}`;
}
