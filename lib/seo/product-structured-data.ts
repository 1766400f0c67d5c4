import type { ProductDetail } from '@/lib/catalog/types';
import type { Crumb } from './crumb';
import { toDecimalString, type Money } from '@/lib/money';
import { mediaUrl } from '@/lib/shop/paths';
import { absoluteUrl } from '@/lib/site-url';

/** schema.org Product with an Offer in the page's own currency, and the page's BreadcrumbList. */
export function productJsonLd(product: ProductDetail, url: string, lowest: Money, crumbs: Crumb[]) {
  const inStock = product.skus.some((s) => s.stock > 0);
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: product.title,
      // A summary is enough for rich results; the full text is on the page already (and would
      // otherwise travel twice more, in the HTML and in the RSC payload).
      description: summarize(product.description ?? product.title),
      image: product.images.map((i) => absoluteUrl(mediaUrl(i.key, 800))),
      sku: product.sourceId,
      url,
      offers: {
        '@type': 'Offer',
        url,
        price: toDecimalString(lowest),
        priceCurrency: lowest.currency,
        availability: inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
        itemCondition: 'https://schema.org/NewCondition',
        seller: { '@type': 'Organization', name: product.seller.nameEn ?? product.seller.name },
      },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(c.href) })),
    },
  ];
}

function summarize(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}
