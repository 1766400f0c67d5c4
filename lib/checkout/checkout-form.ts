import { z } from 'zod';
import { addressFields, shippingAddressSchema, type AddressField, type ShippingAddress } from '@/lib/addresses/address-schema';
import { isLocale } from '@/lib/i18n/locales';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { valueAddedServices } from '@/lib/orders/types';

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
  /** The new address's "save to my address book" box (ticked by default). */
  saveAddress: z.literal('on').optional(),
  /** "Pay with my balance first" (card only): the balance pays what it can, the card the rest. */
  useWallet: z.literal('on').optional(),
});
export type CheckoutForm = z.infer<typeof checkoutForm>;

/**
 * The whole submit: the form, plus the new address's fields (`newAddress`), checked by the
 * destination country's rules only when `addressId` is `new`. Address issues keep their field as
 * path and a message key of namespace `addressErrors`, so the form shows them under their inputs.
 */
export const checkoutSubmission = checkoutForm.extend({ newAddress: z.record(z.string(), z.string()) }).transform((form, ctx): CheckoutSubmission => {
  const { newAddress, addressId, saveAddress, ...rest } = form;
  if (addressId !== 'new') return { ...rest, address: { addressId: Number(addressId) } };
  const parsed = shippingAddressSchema.safeParse(newAddress);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return { ...rest, address: { address: parsed.data, save: saveAddress === 'on' } };
});
/** One of the user's saved addresses, or a new one already checked by its country's rules. */
export type CheckoutSubmission = Omit<CheckoutForm, 'addressId' | 'saveAddress'> & { address: { addressId: number } | { address: ShippingAddress; save?: boolean } };

/** The checkout form's FormData as `checkoutSubmission` reads it (services are checkboxes: every ticked one). */
export function readCheckoutForm(formData: FormData): Record<string, unknown> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string' && !key.startsWith('$ACTION')) fields[key] = value;
  return { ...fields, services: formData.getAll('services'), newAddress: addressValues(formData) };
}

/** The new-address fields of a submitted form. */
export function addressValues(formData: FormData): Partial<Record<AddressField, string>> {
  const out: Partial<Record<AddressField, string>> = {};
  for (const field of addressFields) {
    const value = formData.get(field);
    if (typeof value === 'string') out[field] = value;
  }
  return out;
}
