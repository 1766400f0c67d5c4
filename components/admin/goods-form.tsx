'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/result';
import { shippingGoods, type ShippingGood } from '@/lib/shipping/goods';
import { ActionError } from './action-error';

type Props<T> = {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  /** Hidden fields naming what is edited (locale, product or item id). */
  hidden: Record<string, string>;
  checked: readonly ShippingGood[];
  /** The label of the button that drops the hand-set flags; no button when nothing was set by hand. */
  resetLabel: string | null;
  testId: string;
};

/** Tick the goods a product or an item is (battery, liquid…) and save; or go back to where they came from. */
export function GoodsForm<T>({ action, hidden, checked, resetLabel, testId }: Props<T>) {
  const t = useTranslations('admin.goods');
  const tGoods = useTranslations('admin.shippingLines.goods');
  const [result, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="admin-goods">
        <legend>{t('legend')}</legend>
        {shippingGoods.map((good) => (
          <label key={good} className="admin-check">
            <input type="checkbox" name="goods" value={good} defaultChecked={checked.includes(good)} /> {tGoods(good)}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="submit" name="mode" value="set" className="admin-button" disabled={isPending}>
          {isPending ? t('saving') : t('save')}
        </button>{' '}
        {resetLabel && (
          <button type="submit" name="mode" value="reset" className="admin-button admin-button-quiet" disabled={isPending}>
            {resetLabel}
          </button>
        )}{' '}
        <span className="small" role="status">
          {result?.ok ? t('saved') : ''}
        </span>
      </p>
      <ActionError result={result} />
    </form>
  );
}
