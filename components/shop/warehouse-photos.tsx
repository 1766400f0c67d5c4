import { getTranslations } from 'next-intl/server';
import type { WarehousePhotoItem } from '@/lib/warehouse/photos/queries/product-warehouse-photos';

type Props = { locale: string; items: readonly WarehousePhotoItem[]; names: Readonly<Record<string, string>> };

/**
 * "Photos from our warehouse": QC photos of this product from earlier orders, with the options
 * ordered and the weight measured — what shoppers otherwise collect in shared spreadsheets. Shown
 * only for shoppers who share their photos, and with nothing about them or their order.
 */
export async function WarehousePhotos({ locale, items, names }: Props) {
  if (items.length === 0) return null;
  const t = await getTranslations({ locale, namespace: 'product' });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const tr = (zh: string) => names[zh] ?? zh;
  return (
    <section aria-labelledby="warehouse-photos" className="warehouse-photos" data-testid="warehouse-photos">
      <h2 id="warehouse-photos">{t('warehousePhotos')}</h2>
      <p className="muted small">{t('warehousePhotosNote')}</p>
      <ul role="list" className="warehouse-photo-items">
        {items.map((item, i) => (
          <li key={i}>
            <div className="warehouse-photo-strip">
              {item.photos.map((p, n) => (
                <a key={p.key} href={`/warehouse-photos/${p.key}/1600`} target="_blank" rel="noopener">
                  {/* Already WebP at the shown size: next/image would only re-encode it. */}
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img
                    src={`/warehouse-photos/${p.key}/400`}
                    width={Math.min(400, p.width)}
                    height={Math.round((Math.min(400, p.width) * p.height) / p.width)}
                    alt={t('warehousePhotoAlt', { n: n + 1, total: item.photos.length })}
                    loading="lazy"
                    decoding="async"
                  />
                </a>
              ))}
            </div>
            <p className="small">
              {item.attributes.map((a) => (
                <bdi key={a.name}>
                  {tr(a.name)}: {tr(a.value)}{' '}
                </bdi>
              ))}
              {item.weightGrams !== null && <span> · {t('measuredWeight', { grams: item.weightGrams })}</span>}
              <span className="muted"> · {t('photographedIn', { month: month.format(new Date(`${item.month}-01T00:00:00Z`)) })}</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
