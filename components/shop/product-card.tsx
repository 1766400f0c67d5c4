import Link from 'next/link';
import type { ProductCard as Card } from '@/lib/catalog/types';
import { mediaUrl, shopPaths } from '@/lib/shop/paths';
import { displayPrice, formatCny, type PinnedRate } from '@/lib/shop/price';
import { Money } from '@/components/bidi/money';

type Props = { product: Card; locale: string; rate: PinnedRate; isAboveFold?: boolean; soldLabel: string };

export function ProductCard({ product, locale, rate, isAboveFold = false, soldLabel }: Props) {
  const price = displayPrice(product.priceMinMinor, rate, locale).text;
  return (
    <li className="card">
      <Link href={shopPaths.product(locale, product.slug)} className="card-link">
        {product.image ? (
          // Our own WebP derivatives (200 px list / 800 px detail) with explicit sizes: next/image would
          // re-encode what the image pipeline already produced.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={mediaUrl(product.image.key, 200)}
            srcSet={`${mediaUrl(product.image.key, 200)} 200w, ${mediaUrl(product.image.key, 800)} 800w`}
            sizes="(max-width: 640px) 45vw, 200px"
            width={200}
            height={200}
            alt={product.title}
            loading={isAboveFold ? 'eager' : 'lazy'}
            fetchPriority={isAboveFold ? 'high' : undefined}
            decoding="async"
            className="card-image"
          />
        ) : (
          <span className="card-image placeholder" aria-hidden="true" />
        )}
        <span className="card-title" lang={product.titleLang.lang} dir="auto" data-translation-fallback={product.titleLang.isFallback ? 'en' : undefined}>
          {product.title}
        </span>
        <span className="card-price">
          <strong>
            <Money>{price}</Money>
          </strong>
          {rate.currency !== 'CNY' && <span className="muted">
              {' · '}
              <Money>{formatCny(product.priceMinMinor, locale)}</Money>
            </span>}
        </span>
        <span className="muted small">{soldLabel}</span>
      </Link>
    </li>
  );
}
