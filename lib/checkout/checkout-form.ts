import { z } from 'zod';
import { addressFields, type AddressField } from '@/lib/addresses/address-schema';
import { isLocale } from '@/lib/i18n/locales';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { valueAddedServices } from './types';

/**
 * The checkout page's form. The address itself is checked separately by shippingAddressSchema when
 * `addressId` is `new`; a saved address is looked up by id among the user's own.
 */
export const checkoutForm = z.object({
  locale: z.string().refine(isLocale),
  currency: z.string().refine(isSupportedCurrency),
  /** crypto.randomUUID() from the render: a double submit of one page makes one order. */
  checkoutToken: z.uuid(),
  /** The CNY→currency rate the page showed. */
  quotedRate: z.string().regex(/^\d{1,12}(\.\d{1,12})?$/),
  cartSignature: z.string().min(1).max(4000),
  addressId: z.union([z.literal('new'), z.string().regex(/^\d{1,15}$/)]),
  services: z.array(z.enum(valueAddedServices)).max(valueAddedServices.length),
  payment: z.enum(['card', 'cod']),
});
export type CheckoutForm = z.infer<typeof checkoutForm>;

/** The new-address fields of a submitted form. */
export function addressValues(formData: FormData): Partial<Record<AddressField, string>> {
  const out: Partial<Record<AddressField, string>> = {};
  for (const field of addressFields) {
    const value = formData.get(field);
    if (typeof value === 'string') out[field] = value;
  }
  return out;
}
