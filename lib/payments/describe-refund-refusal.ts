import 'server-only';
import { getTranslations } from 'next-intl/server';
import { wordedAdminErrorCodes } from '@/lib/admin/action-error-codes';
import type { AppError } from '@/lib/errors';
import { refundRefusalMessage } from './refund-refusal-message';
import { refundRefusalOf } from './refund-refusal';

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
