import type { AddressField } from '@/lib/addresses/address-schema';

/**
 * What the checkout form shows after a refused submit; messages are already in the shopper's
 * language. Apart from the form's zod schema (checkout-form.ts) because the browser needs this and
 * not zod: building a zod object schema probes `new Function`, which the pages' Content-Security-
 * Policy refuses (and the probe cost the checkout page a 120 KB chunk).
 */
export type CheckoutFormState = {
  status: 'idle' | 'error';
  at?: number;
  message?: string;
  fieldErrors?: Partial<Record<AddressField, string>>;
  /** The new address as typed, so a refused submit does not lose it. */
  values?: Partial<Record<AddressField, string>>;
};

export const idleCheckoutState: CheckoutFormState = { status: 'idle' };
