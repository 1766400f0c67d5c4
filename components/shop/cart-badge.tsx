'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { cartKeys, fetchCartSummary } from '@/lib/cart/query-keys';

/**
 * The header's cart link with its item count. Not prefetched on the server (rule 11's usual way):
 * the header sits on statically rendered product pages, which must not read the session or the
 * cart cookie, so the count arrives from /api/cart/summary after hydration.
 */
export function CartBadge({ href }: { href: string }) {
  const t = useTranslations('cartLink');
  const { data } = useQuery({ queryKey: cartKeys.summary(), queryFn: fetchCartSummary });
  const count = data?.count;
  return (
    <Link href={href} className="cart-link" data-testid="cart-link" aria-label={count === undefined ? t('label') : t('labelWithCount', { count })}>
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h9.2a1 1 0 0 0 1-.8L20 7H6.2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
        <circle cx="9" cy="19" r="1.6" fill="currentColor" />
        <circle cx="17" cy="19" r="1.6" fill="currentColor" />
      </svg>
      <span className="cart-link-text">{t('label')}</span>
      {count !== undefined && count > 0 && (
        <span className="cart-count" data-testid="cart-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
