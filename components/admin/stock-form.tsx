'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setStockAction } from '@/app/[locale]/admin/stock/actions';
import { ActionError } from './action-error';

/** The inline "set stock" form of one SKU row. */
export function StockForm({ locale, skuId, stock, label }: { locale: string; skuId: number; stock: number; label: string }) {
  const t = useTranslations('admin.stock');
  const [result, action, isPending] = useActionState(setStockAction, null);
  return (
    <form action={action} className="admin-inline-form" data-testid={`stock-form-${skuId}`}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="skuId" value={skuId} />
      <input type="number" name="quantity" min={0} max={10_000_000} step={1} required defaultValue={stock} aria-label={label} inputMode="numeric" />
      <button type="submit" className="admin-button" disabled={isPending}>
        {t('set')}
      </button>
      <span className="small" role="status">
        {isPending ? t('saving') : result?.ok ? t('saved', { stock: result.data.stock, sellable: result.data.sellable }) : ''}
      </span>
      <ActionError result={result} />
    </form>
  );
}
