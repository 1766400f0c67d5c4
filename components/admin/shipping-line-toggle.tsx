'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setShippingLineActiveAction } from '@/app/[locale]/admin/shipping/lines/actions';
import { ActionError } from './action-error';

/** Deactivate (or activate) a line from the list: it leaves (or rejoins) every quote at once. */
export function ShippingLineToggle({ locale, id, isActive, name }: { locale: string; id: number; isActive: boolean; name: string }) {
  const t = useTranslations('admin.shippingLines');
  const [result, action, isPending] = useActionState(setShippingLineActiveAction, null);
  return (
    <form action={action} className="admin-inline-form" data-testid="shipping-line-toggle">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="isActive" value={isActive ? '0' : '1'} />
      <button type="submit" className={isActive ? 'admin-button admin-button-quiet' : 'admin-button'} disabled={isPending} aria-label={isActive ? t('deactivateLine', { name }) : t('activateLine', { name })}>
        {isActive ? t('deactivate') : t('activate')}
      </button>
      <ActionError result={result} />
    </form>
  );
}
