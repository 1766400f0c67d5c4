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
          // re-encode what the image pipeline already produced. A density descriptor (200 px at 1x, 800 px
          // from 2x) picks what `sizes` did on every screen but a 1x phone wider than 445 px, in fewer bytes
          // (twice per card: HTML and RSC payload). The alt is empty: the title is the link's text right
          // below, and a screen reader would otherwise read it twice.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={mediaUrl(product.image.key, 200)}
            srcSet={`${mediaUrl(product.image.key, 800)} 2x`}
            width={200}
            height={200}
            alt=""
            loading={isAboveFold ? 'eager' : 'lazy'}
            fetchPriority={isAboveFold ? 'high' : undefined}
            className="card-image"
          />
        ) : (
          <span className="card-image placeholder" aria-hidden="true" />
        )}
        <span className="card-title" lang={product.titleLang.lang} dir="auto" {...(product.titleLang.isFallback ? { 'data-translation-fallback': 'en' } : {})}>
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
