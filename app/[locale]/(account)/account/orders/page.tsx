import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { Pagination } from '@/components/shop/pagination';
import { accountPaths } from '@/lib/auth/paths';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { listUserOrders } from '@/lib/orders/queries/list-user-orders';
import { orderPaths } from '@/lib/orders/paths';
import { shopPaths } from '@/lib/shop/paths';
import { Code } from '@/components/bidi/code';
import { Money } from '@/components/bidi/money';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string | string[] }> };

const PAGE_SIZE = 20;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'orders' });
  return { title: `${t('metaTitle')} | Ferry` };
}

export default async function OrdersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const query = await searchParams;
  const requested = Number.parseInt(String(Array.isArray(query.page) ? query.page[0] : (query.page ?? '1')), 10);
  const user = await requireUserOrRedirect(locale, accountPaths.orders(locale));
  const [t, result] = await Promise.all([
    getTranslations({ locale, namespace: 'orders' }),
    listUserOrders(getDb(), user.id, { page: Number.isSafeInteger(requested) ? requested : 1, pageSize: PAGE_SIZE }),
  ]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC', numberingSystem: 'latn' });

  return (
    <>
      <h1>{t('title')}</h1>
      {result.items.length === 0 ? (
        <div data-testid="orders-empty">
          <p>{t('empty')}</p>
          <p>
            <Link href={shopPaths.home(locale)}>{t('startShopping')}</Link>
          </p>
        </div>
      ) : (
        <table className="orders-table" data-testid="orders-table">
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((order) => (
              <tr key={order.number} data-testid="order-row" data-order-number={order.number}>
                <th scope="row">
                  <Link href={orderPaths.order(locale, order.number)}>
                    <Code>{order.number}</Code>
                  </Link>
                  <span className="muted small"> · {t('itemCount', { count: order.itemCount })}</span>
                </th>
                <td>
                  <time dateTime={order.createdAt.toISOString()}>{date.format(order.createdAt)}</time>
                </td>
                <td>
                  <OrderStatusBadge status={order.status} gateway={order.gateway} />
                </td>
                <td>
                  <Money>{formatStoredMoney(order.chargeMinor, order.chargeCurrency, locale)}</Money>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={result.page}
        pages={result.pages}
        hrefFor={(page) => orderPaths.list(locale, page)}
        labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page: result.page, pages: result.pages }) }}
      />
      <p>
        <Link href={accountPaths.home(locale)}>{t('backToAccount')}</Link>
      </p>
    </>
  );
}
