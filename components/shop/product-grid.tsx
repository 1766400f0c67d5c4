import { getTranslations } from 'next-intl/server';
import type { ProductCard as Card } from '@/lib/catalog/types';
import { shopPaths } from '@/lib/shop/paths';
import { displayPrice, formatCny, type PinnedRate } from '@/lib/shop/price';
import { type CardView, ProductCardList } from './product-card';

export async function ProductGrid({ products, locale, rate, eagerCount = 4 }: { products: Card[]; locale: string; rate: PinnedRate; eagerCount?: number }) {
  const t = await getTranslations({ locale, namespace: 'listing' });
  const cards = products.map(
    (p): CardView => ({
      href: shopPaths.product(locale, p.slug),
      title: p.title,
      lang: p.titleLang.lang,
      isFallback: p.titleLang.isFallback,
      image: p.image?.key ?? null,
      price: displayPrice(p.priceMinMinor, rate, locale).text,
      cny: rate.currency === 'CNY' ? null : formatCny(p.priceMinMinor, locale),
      sold: t('sold', { count: p.salesCount }),
    }),
  );
  return <ProductCardList cards={cards} eagerCount={eagerCount} />;
}
