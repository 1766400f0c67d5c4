import 'server-only';
import { getTranslations } from 'next-intl/server';
import { addressFields } from '@/lib/addresses/address-schema';
import { cartErrorMessage } from '@/lib/cart/error-message';
import type { AppError } from '@/lib/errors';

/**
 * A refused checkout as a sentence in the shopper's language (the checkout action's `describe`):
 * a new address that breaks its country's rules points at the fields marked below it; everything
 * else is worded like the cart's refusals.
 */
export async function checkoutErrorMessage(error: AppError, locale: string): Promise<string> {
  const fields = error.details?.fieldErrors;
  const isAddressIssue = error.code === 'validation_failed' && typeof fields === 'object' && fields !== null && addressFields.some((field) => field in fields);
  if (isAddressIssue) return (await getTranslations({ locale, namespace: 'checkout' }))('fixAddress');
  return cartErrorMessage(error, locale);
}
