import { toSVG } from 'bwip-js/generic';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { getItemLabels } from '@/lib/warehouse/queries/get-item-labels';
import './labels.css';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ items?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('receiving.labels')} · ${t('nav.brand')}` };
}

/** `?items=1,2,3`: at most 100 whole numbers. */
function itemIds(value: string | string[] | undefined): number[] {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,15}(,\d{1,15}){0,99}$/.test(text)) return [];
  return text.split(',').map(Number);
}

/**
 * Item labels to print at 50×30 mm, one per page (a label printer's roll): a Code 128 barcode of the
 * item (`IT<id>`, what the next scan reads), the order number, the shopper's code, the bin, and the
 * item in Chinese as the seller named it. Nothing personal.
 */
export default async function ItemLabelsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  await requireStaffPage(locale, 'orders:warehouse', adminPaths.receiving(locale));
  const ids = itemIds(query.items);
  const [labels, t] = await Promise.all([getItemLabels(getDb(), ids), getTranslations({ locale, namespace: 'admin.receiving' })]);
  if (labels.length === 0) notFound();
  return (
    <>
      <p className="labels-screen-only">
        <button type="button" className="admin-button" data-print-labels="">
          {t('print')}
        </button>{' '}
        <span className="small muted">{t('printHint', { count: labels.length })}</span>
      </p>
      <div className="item-labels" data-testid="item-labels">
        {labels.map((label) => (
          <section key={label.itemId} className="item-label" data-testid="item-label" data-code={label.code}>
            {/* Generated from the item's id alone (IT + digits): no text from anyone reaches the markup. */}
            <div className="item-label-barcode" dangerouslySetInnerHTML={{ __html: toSVG({ bcid: 'code128', text: label.code, scale: 1, height: 7, includetext: false }) }} />
            <p className="item-label-code" dir="ltr">
              {label.code} · ×{label.quantity}
            </p>
            <p className="item-label-order" dir="ltr">
              {label.orderNumber} · {label.shopperCode}
            </p>
            <p className="item-label-bin" dir="ltr">
              {t('bin')}: {label.bin ?? '—'}
            </p>
            <p className="item-label-title" lang="zh-CN">
              {label.title}
              {label.options && ` · ${label.options}`}
            </p>
          </section>
        ))}
      </div>
      <script
        // The print button works without a client bundle: one line, no user input.
        dangerouslySetInnerHTML={{ __html: "document.querySelector('[data-print-labels]')?.addEventListener('click',()=>window.print())" }}
      />
    </>
  );
}
