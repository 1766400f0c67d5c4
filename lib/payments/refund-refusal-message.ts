import { formatStoredMoney } from '@/lib/money';
import type { RefundRefusal } from './refund-refusal';

/** A translator of `admin.refunds.refused` (next-intl's `t`, bound to that namespace). */
export type RefusalTranslator = (key: string, values: Record<string, string>) => string;

/**
 * A refused refund as one sentence for staff in their language, its amounts as money in the order's
 * charge currency: "At most €12.34 is still refundable (you asked for €20.00)." The refund form's
 * action words its refusals with it (`describe`).
 */
export function refundRefusalMessage(refusal: RefundRefusal, t: RefusalTranslator, locale: string): string {
  const money = (minor: number | undefined) => (minor === undefined || !refusal.currency ? '—' : formatStoredMoney(minor, refusal.currency, locale));
  const values = { refundable: money(refusal.refundableMinor), requested: money(refusal.requestedMinor), pending: money(refusal.pendingMinor) };
  const sentence = t(refusal.reason, values);
  return refusal.reason === 'exceeds_refundable' && refusal.pendingMinor ? `${sentence} ${t('pendingNote', values)}` : sentence;
}
