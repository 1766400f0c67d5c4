'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type FormEvent } from 'react';
import { deleteAddressAction, setDefaultAddressAction } from '@/app/[locale]/(account)/account/actions';
import { FormMessage } from './form-field';
import { formMessage } from './form-state';

/** "Make default" and "Delete" for one saved address (delete asks first). */
export function AddressCardActions({ locale, id, isDefault, label }: { locale: string; id: number; isDefault: boolean; label: string }) {
  const t = useTranslations('addresses');
  const [defaultState, setDefault, isSettingDefault] = useActionState(setDefaultAddressAction, null);
  const [deleteState, remove, isDeleting] = useActionState(deleteAddressAction, null);
  const formError = formMessage(deleteState, []) ?? formMessage(defaultState, []);
  const confirmDelete = (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm(t('deleteConfirm'))) event.preventDefault();
  };
  return (
    <>
      {!isDefault && (
        <form action={setDefault}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="id" value={id} />
          <button type="submit" className="link-button" disabled={isSettingDefault} aria-label={`${t('setDefault')}: ${label}`}>
            {t('setDefault')}
          </button>
        </form>
      )}
      <form action={remove} onSubmit={confirmDelete}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="id" value={id} />
        <button type="submit" className="link-button danger" disabled={isDeleting} aria-label={`${t('delete')}: ${label}`}>
          {t('delete')}
        </button>
      </form>
      {formError && <FormMessage kind="error">{formError}</FormMessage>}
    </>
  );
}
