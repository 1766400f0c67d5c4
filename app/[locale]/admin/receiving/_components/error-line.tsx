'use client';
import type { useTranslations } from 'next-intl';

export type Translate = ReturnType<typeof useTranslations<'admin.receiving'>>;

export function ErrorLine({ code, t }: { code: string; t: Translate }) {
  const known = ['validation_failed', 'not_found', 'invalid_transition', 'forbidden', 'unauthorized'];
  return (
    <p className="admin-error" role="alert" data-testid="receive-error">
      {t(`errors.${known.includes(code) ? code : 'generic'}`)}
    </p>
  );
}
