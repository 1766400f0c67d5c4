import { getTranslations } from 'next-intl/server';
import type { ProductCard as Card } from '@/lib/catalog/types';
import type { PinnedRate } from '@/lib/shop/price';
import { ProductCard } from './product-card';

export async function ProductGrid({ products, locale, rate, eagerCount = 4 }: { products: Card[]; locale: string; rate: PinnedRate; eagerCount?: number }) {
  const t = await getTranslations({ locale, namespace: 'listing' });
  return (
    <ul className="grid" role="list">
      {products.map((p, i) => (
        <ProductCard key={p.id} product={p} locale={locale} rate={rate} isAboveFold={i < eagerCount} soldLabel={t('sold', { count: p.salesCount })} />
      ))}
    </ul>
  );
}
