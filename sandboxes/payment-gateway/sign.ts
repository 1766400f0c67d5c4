import { createHmac } from 'node:crypto';

/**
 * Stripe's webhook signature scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.body")>`.
 * The whole `whsec_…` string is the key, exactly as Stripe's SDKs use it, so a receiver that
 * verifies real Stripe webhooks verifies these unchanged.
 */
export function signatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${computeSignature(payload, secret, timestamp)}`;
}

export function computeSignature(payload: string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
}
