/**
 * The hosted pay page of an order: `${SITE_URL}/pay/{number}/{payToken}`. The token is the secret
 * part that lets a partner's customer pay without signing in.
 */
export function paymentUrl(siteUrl: string, order: { number: string; payToken: string }): string {
  return `${siteUrl.replace(/\/+$/, '')}/pay/${encodeURIComponent(order.number)}/${encodeURIComponent(order.payToken)}`;
}
