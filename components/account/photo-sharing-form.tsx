'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setPhotoSharingAction } from '@/app/[locale]/(account)/account/actions';
import { FormMessage } from './form-field';
import { formMessage } from './form-state';

/** The shopper's choice to let their items' QC photos appear on product pages (on by default). */
export function PhotoSharingForm({ locale, sharing }: { locale: string; sharing: boolean }) {
  const t = useTranslations('account');
  const [state, save, isSaving] = useActionState(setPhotoSharingAction, null);
  const error = formMessage(state, []);
  return (
    <section aria-labelledby="photo-sharing" className="account-photo-sharing">
      <h2 id="photo-sharing">{t('photoSharing')}</h2>
      <p className="muted small">{t('photoSharingText')}</p>
      <form action={save}>
        <input type="hidden" name="locale" value={locale} />
        <label>
          <input type="checkbox" name="share" value="on" defaultChecked={sharing} data-testid="photo-sharing" /> {t('photoSharingOn')}
        </label>{' '}
        <button type="submit" className="secondary" disabled={isSaving}>
          {t('photoSharingSave')}
        </button>
      </form>
      {error && <FormMessage kind="error">{error}</FormMessage>}
      {state?.ok && <FormMessage kind="notice">{t('photoSharingSaved')}</FormMessage>}
    </section>
  );
}
