import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { AppError } from '@/lib/errors';
import { refundRefusalMessage } from '@/lib/payments/refund-refusal-message';
import { refundRefusalOf } from '@/lib/payments/refund-refusal';
import { wordedAdminErrorCodes } from './action-error-codes';

/**
 * The refund form's `describe`: a refusal issueRefund explained (`details.reason`) as its own
 * sentence with the amounts formatted as money; any other refusal as the admin's words for its code.
 */
export async function describeRefundRefusal(error: AppError, locale: string): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'admin' });
  const refusal = refundRefusalOf(error);
  if (refusal) return refundRefusalMessage(refusal, (key, values) => t(`refunds.refused.${key}`, values), locale);
  if (error.code === 'internal') return error.message;
  return t(wordedAdminErrorCodes.has(error.code) ? `errors.${error.code}` : 'errors.generic');
}
