import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { AppError } from '@/lib/errors';

/**
 * A refused cart or checkout write, as a sentence in the shopper's language (the cart and checkout
 * actions' `describe`). AppErrors map by code and details; an `internal` one (logged by the action
 * chain under its request id) and any code without a sentence of its own are the generic message
 * with a reference: the start of the request id, or the code.
 */
export async function cartErrorMessage(error: AppError, locale: string): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'cartErrors' });
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
    case 'service_unavailable':
    case 'unavailable':
      return t('unavailable');
    default: {
      const requestId = typeof details.requestId === 'string' ? details.requestId : null;
      return t('generic', { ref: requestId ? requestId.slice(0, 8) : error.code });
    }
  }
}
