import { z } from 'zod';
import { isLocale } from '@/lib/i18n/locales';
import { isSupportedCurrency } from '@/lib/money/currencies';
import { MAX_LINE_QUANTITY, MAX_REMARK_LENGTH } from './types';

/** Every cart form posts the page's locale and currency (messages and the path to revalidate). */
const page = {
  locale: z.string().refine(isLocale),
  currency: z.string().refine(isSupportedCurrency),
};
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const addToCartForm = z.object({
  ...page,
  skuId: id,
  quantity: z.coerce.number().int().min(1).max(MAX_LINE_QUANTITY),
});

export const updateCartLineForm = z.object({
  ...page,
  lineId: id,
  quantity: z.coerce.number().int().min(0).max(MAX_LINE_QUANTITY),
  remark: z
    .string()
    .optional()
    .refine((value) => [...(value ?? '')].length <= MAX_REMARK_LENGTH),
});

export const removeCartLineForm = z.object({ ...page, lineId: id });

/** FormData as a plain object for zod (single-valued fields only). */
export function formFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  return out;
}
