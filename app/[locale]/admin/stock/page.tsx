import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StockForm } from '@/components/admin/stock-form';
import { formatStoredMoney } from '@/lib/money';
import { adminPaths } from '@/lib/admin/paths';
import { findStockProducts, listStockSkus, type StockProduct } from '@/lib/admin/queries/find-stock-products';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('stock.title')} · ${t('nav.brand')}` };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/** Stock editor: find a product (id, SKU id or title words), then set each SKU's stock inline. */
export default async function AdminStockPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const q = first(query.q).slice(0, 200);
  const productParam = first(query.product);
  await requireStaffPage(locale, 'stock:write', adminPaths.stock(locale));

  const db = getDb();
  const matches = q ? await findStockProducts(db, q, locale) : [];
  const productId = /^\d{1,15}$/.test(productParam) ? Number(productParam) : matches.length === 1 ? matches[0]!.id : null;
  const selected = productId ? await listStockSkus(db, productId, locale) : null;
  const t = await getTranslations({ locale, namespace: 'admin.stock' });
  const linkTo = (p: StockProduct) => `${adminPaths.stock(locale)}?${new URLSearchParams({ ...(q ? { q } : {}), product: String(p.id) })}`;

  return (
    <>
      <h1>{t('title')}</h1>
      <Form action={adminPaths.stock(locale)} className="admin-filters" role="search" aria-label={t('search')}>
        <label className="admin-field admin-field-wide">
          <span>{t('search')}</span>
          <input type="search" name="q" defaultValue={q} placeholder={t('searchPlaceholder')} maxLength={200} />
        </label>
        <div className="admin-filter-buttons">
          <button type="submit" className="admin-button">
            {t('find')}
          </button>
        </div>
      </Form>

      {q && matches.length === 0 && <p className="admin-empty">{t('noMatch', { query: q })}</p>}
      {matches.length > 1 && (
        <section aria-labelledby="matches-heading">
          <h2 id="matches-heading">{t('matches', { count: matches.length })}</h2>
          <ul className="admin-list" data-testid="stock-matches">
            {matches.map((p) => (
              <li key={p.id}>
                <Link href={linkTo(p)} aria-current={p.id === productId ? 'true' : undefined}>
                  <span className="admin-mono">#{p.id}</span> <span dir="auto">{p.title}</span>
                </Link>{' '}
                <span className="small muted">{t('skuCount', { count: p.skuCount })}</span>
                {!p.isActive && <span className="admin-badge">{t('inactive')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {productId && !selected && <p className="admin-error">{t('productMissing', { id: String(productId) })}</p>}
      {selected && (
        <section aria-labelledby="skus-heading" data-testid="stock-product" data-product={selected.product.id}>
          <h2 id="skus-heading">
            <span className="admin-mono">#{selected.product.id}</span> <span dir="auto">{selected.product.title}</span>
          </h2>
          {selected.product.titleZh !== selected.product.title && (
            <p className="muted" lang="zh-CN">
              {selected.product.titleZh}
            </p>
          )}
          <p className="small muted">
            {t('sellableHint')} <Link href={adminPaths.product(locale, selected.product.id)} data-testid="product-goods-link">{t('goodsLink')}</Link>
          </p>
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="stock-skus">
              <thead>
                <tr>
                  <th scope="col">{t('sku')}</th>
                  <th scope="col">{t('attributes')}</th>
                  <th scope="col" className="admin-num">{t('price')}</th>
                  <th scope="col" className="admin-num">{t('stock')}</th>
                  <th scope="col" className="admin-num">{t('reserved')}</th>
                  <th scope="col" className="admin-num">{t('sellable')}</th>
                  <th scope="col">{t('setStock')}</th>
                </tr>
              </thead>
              <tbody>
                {selected.skus.map((sku) => (
                  <tr key={sku.id} data-sku={sku.id}>
                    <td className="admin-mono">
                      {sku.id}
                      <span className="admin-sub small muted">{sku.sourceSkuId}</span>
                    </td>
                    <td className="admin-wrap">
                      {sku.attributes.map((a) => (
                        <span key={`${a.nameZh}:${a.valueZh}`} className="admin-attr" title={`${a.nameZh}: ${a.valueZh}`}>
                          {a.name}: {a.value}
                        </span>
                      ))}
                    </td>
                    <td className="admin-num">{formatStoredMoney(sku.priceMinor, 'CNY', locale)}</td>
                    <td className="admin-num" data-testid="sku-stock">{sku.stock}</td>
                    <td className="admin-num">{sku.reserved}</td>
                    <td className="admin-num" data-testid="sku-sellable">{sku.sellable}</td>
                    <td>
                      <StockForm locale={locale} skuId={sku.id} stock={sku.stock} label={t('quantityFor', { skuId: String(sku.id) })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
