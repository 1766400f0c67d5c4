'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { removeCartLineAction, updateCartLineAction } from '@/app/[locale]/(shop)/[currency]/cart/actions';
import { failureOf, type ActionState } from '@/lib/actions/result';
import { cartKeys } from '@/lib/cart/query-keys';
import { MAX_LINE_QUANTITY, MAX_REMARK_LENGTH } from '@/lib/cart/types';

type Props = {
  locale: string;
  currency: string;
  line: { id: number; title: string; quantity: number; remark: string | null; sellable: number; isActive: boolean };
};

const answeredAt = (state: ActionState<unknown>) => state?.at ?? 0;

/**
 * A cart line's quantity and remark (one form) and its remove button (another). Both post to server
 * actions directly, so they work before hydration and without JavaScript; the page re-renders from
 * the server, and the header badge is told to refetch.
 */
export function CartLineControls({ locale, currency, line }: Props) {
  const t = useTranslations('cart');
  const queryClient = useQueryClient();
  const [updated, update, isUpdating] = useActionState(updateCartLineAction, null);
  const [removed, remove, isRemoving] = useActionState(removeCartLineAction, null);
  const lastAnswer = Math.max(answeredAt(updated), answeredAt(removed));
  useEffect(() => {
    // The badge lives outside this page's server render: refresh its query after every cart write.
    if (lastAnswer > 0) void queryClient.invalidateQueries({ queryKey: cartKeys.all });
  }, [lastAnswer, queryClient]);

  const limit = Math.min(line.sellable, MAX_LINE_QUANTITY);
  const canChangeQuantity = line.isActive && limit > 0;
  const errorId = `line-${line.id}-error`;
  const error = [failureOf(updated), failureOf(removed)].find((s) => s?.at === lastAnswer);
  // React resets a form after its action; a refused save comes back with what was typed, which the
  // fields then show (keyed by the answer, so they take it as their new default).
  const typed = failureOf(updated)?.values;

  return (
    <div className="cart-line-controls">
      {canChangeQuantity && (
        <form action={update} className="cart-line-form">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="currency" value={currency} />
          <input type="hidden" name="lineId" value={line.id} />
          <div className="quantity-field">
            <label htmlFor={`line-${line.id}-quantity`}>{t('quantity')}</label>
            <input
              id={`line-${line.id}-quantity`}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={limit}
              step={1}
              key={`quantity-${updated?.at ?? 0}`}
              defaultValue={typed?.quantity ?? line.quantity}
              required
              aria-describedby={`line-${line.id}-stock${error ? ` ${errorId}` : ''}`}
              aria-invalid={line.quantity > limit ? true : undefined}
              data-testid="line-quantity"
            />
          </div>
          <div className="remark-field">
            <label htmlFor={`line-${line.id}-remark`}>{t('remark')}</label>
            <input
              id={`line-${line.id}-remark`}
              name="remark"
              type="text"
              maxLength={MAX_REMARK_LENGTH}
              key={`remark-${updated?.at ?? 0}`}
              defaultValue={typed?.remark ?? line.remark ?? ''}
              placeholder={t('remarkPlaceholder')}
              aria-describedby={`line-${line.id}-remark-hint`}
              data-testid="line-remark"
            />
            <p id={`line-${line.id}-remark-hint`} className="field-hint">
              {t('remarkHint')}
            </p>
          </div>
          <button type="submit" className="secondary" disabled={isUpdating || isRemoving} data-testid="line-update">
            {isUpdating ? t('updating') : t('update')}
          </button>
        </form>
      )}
      <form action={remove} className="cart-line-remove">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="currency" value={currency} />
        <input type="hidden" name="lineId" value={line.id} />
        <button type="submit" className="link-button" disabled={isUpdating || isRemoving} data-testid="line-remove">
          {isRemoving ? t('removing') : t('remove')}
          <span className="visually-hidden">: {line.title}</span>
        </button>
      </form>
      {error && (
        <p key={error.at} id={errorId} role="alert" className="field-error" data-testid="line-error">
          {error.error.message}
        </p>
      )}
      {updated?.ok && updated.at === lastAnswer && (
        <p key={updated.at} role="status" className="muted small">
          {t('saved')}
        </p>
      )}
    </div>
  );
}
