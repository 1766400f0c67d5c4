'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { sendPhotoForm } from '@/components/admin/photo-upload';

/** The measurement note shown to the shopper with the photos ("length 68 cm, sleeve 61 cm"); saved through the same upload route. */
export function QcNoteForm({ itemId, note }: { itemId: number; note: string | null }) {
  const t = useTranslations('admin.qcPhotos');
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | string>('idle');
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState('saving');
    const reason = await sendPhotoForm(`/api/admin/items/${itemId}/photos`, new FormData(event.currentTarget));
    setState(reason ?? 'saved');
    if (!reason) router.refresh();
  }
  const failed = state !== 'idle' && state !== 'saving' && state !== 'saved';
  return (
    <form onSubmit={save} className="admin-panel" data-testid="qc-note-form">
      <label className="admin-field">
        <span>{t('note')}</span>
        <textarea name="note" rows={3} maxLength={500} defaultValue={note ?? ''} dir="auto" placeholder={t('notePlaceholder')} />
      </label>
      <p>
        <button type="submit" className="admin-button" disabled={state === 'saving'}>
          {state === 'saving' ? t('saving') : t('saveNote')}
        </button>{' '}
        <span aria-live="polite">
          {state === 'saved' && <span className="admin-ok">{t('noteSaved')}</span>}
          {failed && <span className="admin-error-text">{t(`refused.${state as 'not_image'}`)}</span>}
        </span>
      </p>
    </form>
  );
}
