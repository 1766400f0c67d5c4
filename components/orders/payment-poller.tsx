'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { OrderStatus } from '@/db/schema/orders';
import { fetchOrderStatus, orderKeys } from '@/lib/orders/query-keys';

const POLL_MS = 2000;
/** About three minutes; after that the banner says so and stops asking. */
const MAX_POLLS = 90;

/**
 * Shown after the gateway sent the shopper back while its webhook is still on the way: asks for the
 * order's status every 2 s (the page hydrates the first answer) and, once it changes, re-renders
 * the page from the server. `isQuiet` once the order is paid: no banner of its own, it only keeps
 * the page following the purchasing worker (paid → purchasing → purchased) for a shopper who just paid.
 */
export function PaymentPoller({ number, initialStatus, outcome, isQuiet = false }: { number: string; initialStatus: OrderStatus; outcome: 'succeeded' | 'processing'; isQuiet?: boolean }) {
  const t = useTranslations('orders');
  const router = useRouter();
  const { data } = useQuery({
    queryKey: orderKeys.status(number),
    queryFn: () => fetchOrderStatus(number),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== initialStatus) || query.state.dataUpdateCount > MAX_POLLS ? false : POLL_MS,
  });
  const polls = useQueryClient().getQueryState(orderKeys.status(number))?.dataUpdateCount ?? 0;
  const hasChanged = data !== undefined && data.status !== initialStatus;
  useEffect(() => {
    if (hasChanged) router.refresh();
  }, [hasChanged, router]);

  // Quiet once paid: the page's own banner says so, and this only follows the worker's purchase.
  if (isQuiet) return null;
  const message = hasChanged ? t('bannerConfirmed') : polls > MAX_POLLS ? t('bannerSlow') : outcome === 'processing' ? t('bannerProcessing') : t('bannerSucceeded');
  return (
    <p role="status" className="notice payment-banner" data-testid="payment-banner" data-polling={hasChanged ? 'done' : 'yes'}>
      {message}
    </p>
  );
}
