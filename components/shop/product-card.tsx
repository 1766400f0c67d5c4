'use client';

import Link from 'next/link';
import { Money } from '@/components/bidi/money';
import { mediaUrl } from '@/lib/shop/paths';

/**
 * A product card with everything already worded and priced on the server (product-grid.tsx). The
 * list is a client component so that the RSC payload carries each card once as these few strings,
 * not as a second copy of its markup (the HTML is still rendered on the server).
 */
export type CardView = {
  href: string;
  title: string;
  lang: string;
  isFallback: boolean;
  /** Storage key of the cover image (its 200 and 800 px WebP derivatives), if it has one. */
  image: string | null;
  price: string;
  /** The CNY price beside it; null on a CNY page. */
  cny: string | null;
  sold: string;
};

function ProductCard({ card, isAboveFold }: { card: CardView; isAboveFold: boolean }) {
  return (
    <li className="card">
      <Link href={card.href} className="card-link">
        {card.image ? (
          // Our own WebP derivatives (200 px list / 800 px detail) with explicit sizes: next/image would
          // re-encode what the image pipeline already produced. A density descriptor (200 px at 1x, 800 px
          // from 2x) picks what `sizes` did on every screen but a 1x phone wider than 445 px, in fewer
          // bytes. The alt is empty: the title is the link's text right below, and a screen reader would
          // otherwise read it twice.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={mediaUrl(card.image, 200)}
            srcSet={`${mediaUrl(card.image, 800)} 2x`}
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
        <span className="card-title" lang={card.lang} dir="auto" data-translation-fallback={card.isFallback ? 'en' : undefined}>
          {card.title}
        </span>
        <span className="card-price">
          <strong>
            <Money>{card.price}</Money>
          </strong>
          {card.cny !== null && (
            <span className="muted">
              {' · '}
              <Money>{card.cny}</Money>
            </span>
          )}
        </span>
        <span className="muted small">{card.sold}</span>
      </Link>
    </li>
  );
}

export function ProductCardList({ cards, eagerCount }: { cards: CardView[]; eagerCount: number }) {
  return (
    <ul className="grid" role="list">
      {cards.map((card, i) => (
        <ProductCard key={card.href} card={card} isAboveFold={i < eagerCount} />
      ))}
    </ul>
  );
}
