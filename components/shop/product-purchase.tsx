'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useActionState, useMemo, useState, type ReactNode } from 'react';
import { addToCartAction } from '@/app/[locale]/(shop)/[currency]/cart/actions';
import type { ActionState } from '@/lib/actions/result';
import { cartKeys } from '@/lib/cart/query-keys';
import type { ProductImage, SpecAttribute } from '@/lib/catalog/types';
import { mediaUrl } from '@/lib/shop/paths';
import { Money } from '@/components/bidi/money';

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
export type PurchaseLabels = { gallery: string; selectOptions: string; outOfStock: string; addToCart: string; price: string };

/** The add-to-cart form's words (messages/checkout, namespace `cartButton`). */
export type CartButtonLabels = { quantity: string; adding: string; added: string; viewCart: string };

type Props = {
  title: string;
  images: PurchaseImage[];
  skus: PurchaseSku[];
  /** zh → shopper-language names for spec names and values. */
  names: Record<string, string>;
  labels: PurchaseLabels;
  /** Where the form posts from (the action needs them) and where "view cart" leads. */
  cart: { locale: string; currency: string; href: string; labels: CartButtonLabels };
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
export function ProductPurchase({ title, images, skus, names, labels, cart, children }: Props) {
  const dims = useMemo(() => dimensionsOf(skus), [skus]);
  const initial = skus.find((s) => s.stock > 0) ?? skus[0];
  const [choice, setChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries((initial?.attributes ?? []).map((a) => [a.name, a.value])),
  );
  const [photo, setPhoto] = useState(initial?.imagePosition ?? images[0]?.position ?? 0);
  const sku = skus.find((s) => s.attributes.every((a) => choice[a.name] === a.value));
  const tr = (zh: string) => names[zh] ?? zh;
  const current = images.find((i) => i.position === photo) ?? images[0];
  const canBuy = sku !== undefined && sku.stock > 0;

  // The page stays static: the action reads the session or the guest cookie; the header badge refetches.
  const queryClient = useQueryClient();
  const [result, addToCart, isAdding] = useActionState(async (previous: ActionState<{ quantity: number }>, formData: FormData) => {
    const next = await addToCartAction(previous, formData);
    if (next?.ok) await queryClient.invalidateQueries({ queryKey: cartKeys.all });
    return next;
  }, null);

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
            <strong className="price-big">{sku ? <Money>{sku.price}</Money> : '—'}</strong>
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
          <form action={addToCart} className="add-to-cart">
            <input type="hidden" name="locale" value={cart.locale} />
            <input type="hidden" name="currency" value={cart.currency} />
            <input type="hidden" name="skuId" value={sku?.id ?? ''} />
            <div className="quantity-field">
              <label htmlFor="purchase-quantity">{cart.labels.quantity}</label>
              <input
                id="purchase-quantity"
                name="quantity"
                type="number"
                inputMode="numeric"
                min={1}
                max={Math.max(1, Math.min(sku?.stock ?? 1, 999))}
                step={1}
                defaultValue={1}
                required
              />
            </div>
            {/* Never `disabled` while adding: a disabled button drops keyboard focus to the page's start. aria-disabled and the click guard stop a second submit instead. */}
            <button
              type="submit"
              className="primary"
              disabled={!canBuy}
              aria-disabled={isAdding || undefined}
              onClick={(event) => {
                if (isAdding) event.preventDefault();
              }}
              data-testid="add-to-cart"
            >
              {isAdding ? cart.labels.adding : labels.addToCart}
            </button>
          </form>
          {result?.ok && (
            <p key={result.at} role="status" className="cart-added" data-testid="cart-added" data-at={result.at}>
              {cart.labels.added} <Link href={cart.href}>{cart.labels.viewCart}</Link>
            </p>
          )}
          {result && !result.ok && (
            <p key={result.at} role="alert" className="form-error" data-testid="cart-error" data-at={result.at}>
              {result.error.message}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
