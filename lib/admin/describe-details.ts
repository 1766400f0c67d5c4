import { formatStoredMoney } from '@/lib/money';

/**
 * An order event's payload or an audit record's details as sentences for the admin: each known
 * field becomes one message of `admin.details` with its values (money formatted in the staff
 * member's locale); what is left over is kept as `rest` for a collapsed technical view instead of
 * raw JSON in the sentence. The order's own fields (number, from, to, actor) are not repeated.
 */
export type DetailSentence = { key: string; values: Record<string, string | number> };
export type DescribedDetails = { sentences: DetailSentence[]; rest: Record<string, unknown> };

type Money = { amountMinor?: unknown; currency?: unknown };
const SKIPPED = new Set(['number', 'from', 'to', 'actor']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => String(value);

export function describeDetails(details: Record<string, unknown>, context: { locale: string; chargeCurrency: string }): DescribedDetails {
  const { locale, chargeCurrency } = context;
  const money = (minor: unknown, currency: unknown) => (typeof minor === 'number' && typeof currency === 'string' ? formatStoredMoney(minor, currency, locale) : null);
  const cny = (minor: unknown) => money(minor, 'CNY');
  const sentences: DetailSentence[] = [];
  const rest: Record<string, unknown> = {};
  const used = new Set<string>();
  const take = (...keys: string[]) => keys.forEach((k) => used.add(k));
  const say = (key: string, values: Record<string, string | number> = {}) => sentences.push({ key, values });

  if (typeof details.reason === 'string' && details.reason.trim()) {
    say('reason', { reason: details.reason });
    take('reason');
  }
  if (isRecord(details.charge)) {
    const c = details.charge as Money & { rate?: unknown };
    const amount = money(c.amountMinor, c.currency);
    if (amount) {
      say('charge', { amount, rate: text(c.rate ?? '—'), currency: text(c.currency) });
      take('charge');
    }
  }
  if (typeof details.totalCny === 'number') {
    say('totalCny', { amount: cny(details.totalCny)! });
    take('totalCny');
  }
  // The gateway a new order pays through (a refund's gateway is implied by its payment id).
  if (typeof details.gateway === 'string' && details.paymentId === undefined) {
    say('gateway', { gateway: details.gateway });
    take('gateway');
  }
  if (details.degraded === true) say('degraded');
  if (typeof details.degraded === 'boolean') take('degraded');
  if (isRecord(details.upstream)) {
    const u = details.upstream as { isVerified?: unknown; reason?: unknown };
    if (u.isVerified === true) say('upstreamVerified');
    else say('upstreamUnverified', { reason: text(u.reason ?? '—') });
    take('upstream');
  }
  if (typeof details.paymentId === 'string' && details.amountMinor !== undefined) {
    const amount = money(details.amountMinor, details.currency);
    if (amount) {
      say(typeof details.refundId === 'string' ? 'refundRequested' : 'payment', { amount, paymentId: details.paymentId, refundId: text(details.refundId ?? '') });
      take('paymentId', 'amountMinor', 'currency', 'refundId', 'gateway');
    }
  } else if (typeof details.paymentId === 'string') {
    say('paymentId', { paymentId: details.paymentId });
    take('paymentId');
  }
  if (typeof details.chargeId === 'string') {
    const amount = money(details.amountRefunded, chargeCurrency);
    say(amount ? 'refundReported' : 'chargeId', { chargeId: details.chargeId, amount: amount ?? '' });
    take('chargeId', 'amountRefunded');
  }
  if (isRecord(details.refund)) {
    const r = details.refund as Money & { refundId?: unknown };
    const amount = money(r.amountMinor, r.currency);
    if (amount) {
      say('refundRequested', { amount, refundId: text(r.refundId ?? '') });
      take('refund');
    }
  }
  if (Array.isArray(details.differences)) {
    say('differencesRefunded', { count: details.differences.length });
    take('differences');
  }
  if (typeof details.upstreamOrderId === 'string' || typeof details.upstreamOrderId === 'number') {
    say('upstreamOrder', { id: text(details.upstreamOrderId) });
    take('upstreamOrderId');
  }
  if (typeof details.totalMinor === 'number') {
    say('sellerTotal', { total: cny(details.totalMinor)!, freight: cny(details.freightMinor ?? 0)! });
    take('totalMinor', 'freightMinor');
  }
  if (typeof details.expectedGoodsMinor === 'number' && typeof details.previewGoodsMinor === 'number') {
    say('priceRise', { expected: cny(details.expectedGoodsMinor)!, preview: cny(details.previewGoodsMinor)! });
    take('expectedGoodsMinor', 'previewGoodsMinor');
  }
  if (details.cashOnDelivery === 'confirmed' || details.cashOnDelivery === 'rejected') {
    say(details.cashOnDelivery === 'confirmed' ? 'codConfirmed' : 'codRejected');
    take('cashOnDelivery');
  }
  if (details.purchaseOrder !== undefined && details.purchaseOrder !== null) {
    say('purchaseOrder', { reference: text(isRecord(details.purchaseOrder) ? (details.purchaseOrder.id ?? JSON.stringify(details.purchaseOrder)) : details.purchaseOrder) });
    take('purchaseOrder');
  }
  if (details.isAutomatic === true) say('automaticRetry');
  if (typeof details.isAutomatic === 'boolean') take('isAutomatic');
  if (typeof details.stage === 'string' && typeof details.message === 'string') {
    say('failure', { stage: details.stage, message: details.message });
    take('stage', 'message', 'code');
  }

  for (const [key, value] of Object.entries(details)) {
    if (SKIPPED.has(key) || used.has(key) || value === null || value === undefined) continue;
    rest[key] = value;
  }
  return { sentences, rest };
}
