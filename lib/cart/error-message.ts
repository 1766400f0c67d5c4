import 'server-only';
import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { isAppError } from '@/lib/errors';

/**
 * An error from a cart or checkout write, as a sentence in the shopper's language. AppErrors map by
 * code (and details); anything else is logged with a reference and shown as a generic message
 * carrying that reference, never its own text (rule 8).
 */
export async function cartErrorMessage(error: unknown, locale: string): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'cartErrors' });
  if (!isAppError(error)) {
    const ref = randomUUID().slice(0, 8);
    console.error(`[cart] ref ${ref}:`, error);
    return t('generic', { ref });
  }
  const details = error.details ?? {};
  const title = typeof details.title === 'string' ? details.title : null;
  const available = typeof details.available === 'number' ? details.available : 0;
  const inCart = typeof details.inCart === 'number' ? details.inCart : 0;
  switch (error.code) {
    case 'out_of_stock':
      if (title) return available === 0 ? t('lineSoldOut', { title }) : t('lineShort', { title, available });
      if (available === 0) return t('soldOut');
      return inCart > 0 ? t('shortWithCart', { available, inCart }) : t('short', { available });
    case 'not_found':
      if (title) return t('lineNotSold', { title });
      return details.skuId !== undefined ? t('notSold') : t('lineGone');
    case 'conflict':
      if (details.reason === 'cart_full') return t('cartFull', { limit: Number(details.limit ?? 100) });
      if (details.reason === 'cart_changed') return t('cartChanged');
      return t('conflict');
    case 'prices_moved':
      return t('pricesMoved');
    case 'too_many_unpaid_orders':
      return t('unpaidOrdersLimit', { limit: Number(details.limit ?? 0) });
    case 'too_many_held_units':
      return t('heldUnitsLimit', { held: Number(details.held ?? 0), limit: Number(details.limit ?? 0) });
    case 'validation_failed':
      if (details.reason === 'cart_empty') return t('cartEmpty');
      if (details.field === 'gateway') return t('codUnavailable');
      return t('invalid');
    case 'unauthorized':
      return t('signIn');
    case 'rate_limited':
      return t('rateLimited');
    case 'payment_unavailable':
    case 'unavailable':
      return t('unavailable');
    default: {
      const ref = randomUUID().slice(0, 8);
      console.error(`[cart] ref ${ref}:`, error);
      return t('generic', { ref });
    }
  }
}
