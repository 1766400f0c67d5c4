'use client';

import { useMemo, useState, type ReactNode } from 'react';
import type { ProductImage, SpecAttribute } from '@/lib/catalog/types';
import { mediaUrl } from '@/lib/shop/paths';

/**
 * What the selector shows for one SKU, already priced and worded on the server (the page knows
 * every SKU), so the browser needs neither exchange rates nor message formatting.
 */
export type PurchaseSku = {
  id: number;
  attributes: SpecAttribute[];
  stock: number;
  imagePosition: number | null;
  price: string;
  /** "Seller's price in China: …", or null when the page is in CNY. */
  originalPrice: string | null;
  stockLabel: string;
};

export type PurchaseImage = ProductImage & { label: string };

/** `outOfStock` also answers a combination of options no SKU has. */
export type PurchaseLabels = { gallery: string; selectOptions: string; outOfStock: string; addToCart: string; cartSoon: string; price: string };

type Props = {
  title: string;
  images: PurchaseImage[];
  skus: PurchaseSku[];
  /** zh → shopper-language names for spec names and values. */
  names: Record<string, string>;
  labels: PurchaseLabels;
  children: ReactNode;
};

function dimensionsOf(skus: PurchaseSku[]): { name: string; values: string[] }[] {
  const dims = new Map<string, string[]>();
  for (const sku of skus) {
    for (const { name, value } of sku.attributes) {
      const values = dims.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      dims.set(name, values);
    }
  }
  return [...dims].map(([name, values]) => ({ name, values }));
}

/** Gallery and SKU selector share state: choosing a colour shows its photo, price and stock. */
export function ProductPurchase({ title, images, skus, names, labels, children }: Props) {
  const dims = useMemo(() => dimensionsOf(skus), [skus]);
  const initial = skus.find((s) => s.stock > 0) ?? skus[0];
  const [choice, setChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries((initial?.attributes ?? []).map((a) => [a.name, a.value])),
  );
  const [photo, setPhoto] = useState(initial?.imagePosition ?? images[0]?.position ?? 0);
  const sku = skus.find((s) => s.attributes.every((a) => choice[a.name] === a.value));
  const tr = (zh: string) => names[zh] ?? zh;
  const current = images.find((i) => i.position === photo) ?? images[0];

  const pick = (name: string, value: string) => {
    const next = { ...choice, [name]: value };
    setChoice(next);
    const match = skus.find((s) => s.attributes.every((a) => next[a.name] === a.value));
    if (match?.imagePosition != null) setPhoto(match.imagePosition);
  };

  return (
    <div className="product-layout">
      <section className="gallery" aria-label={labels.gallery}>
        {current && (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            className="gallery-main"
            src={mediaUrl(current.key, 800)}
            srcSet={`${mediaUrl(current.key, 200)} 200w, ${mediaUrl(current.key, 800)} 800w`}
            sizes="(max-width: 860px) 92vw, 480px"
            width={current.width}
            height={current.height}
            alt={title}
            fetchPriority="high"
            decoding="async"
          />
        )}
        <ul className="thumbs" role="list">
          {images.map((img) => (
            <li key={img.position}>
              <button type="button" onClick={() => setPhoto(img.position)} aria-pressed={img.position === current?.position} aria-label={img.label}>
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={mediaUrl(img.key, 200)} width={64} height={64} alt="" loading="lazy" decoding="async" />
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div className="product-info">
        {children}
        <div className="buy-box">
          <p className="price-line" aria-live="polite" data-testid="sku-price">
            <span className="visually-hidden">{labels.price}: </span>
            <strong className="price-big">{sku ? sku.price : '—'}</strong>
            {sku?.originalPrice && <span className="muted"> {sku.originalPrice}</span>}
          </p>
          <p data-testid="sku-stock" className={sku && sku.stock > 0 ? 'stock' : 'stock out'}>
            {sku ? sku.stockLabel : labels.outOfStock}
          </p>
          {dims.map((dim) => (
            <fieldset key={dim.name} className="spec-group">
              <legend>
                {tr(dim.name)}: <span className="muted">{choice[dim.name] ? tr(choice[dim.name]!) : labels.selectOptions}</span>
              </legend>
              <div className="spec-options">
                {dim.values.map((value) => {
                  const isSelected = choice[dim.name] === value;
                  return (
                    <button key={value} type="button" className="spec-option" aria-pressed={isSelected} onClick={() => pick(dim.name, value)}>
                      {tr(value)}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          ))}
          <button type="button" className="primary" disabled aria-describedby="cart-soon">
            {labels.addToCart}
          </button>
          <p id="cart-soon" className="muted small">
            {labels.cartSoon}
          </p>
        </div>
      </div>
    </div>
  );
}
