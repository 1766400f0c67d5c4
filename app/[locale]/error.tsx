'use client';

import { useLocale, useTranslations } from 'next-intl';
import { shopPaths } from '@/lib/shop/paths';

/**
 * Any page under a locale that throws: the message in the visitor's language (the locale layout
 * hands this file its `errorPage` messages), the digest Next logged the error under as a
 * reference, and a retry. Server errors never show their text here (Next replaces it in production).
 */
export default function LocaleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  const locale = useLocale();
  return (
    <main id="main" className="container main">
      <div className="not-found" role="alert" data-testid="error-page">
        <title>{`${t('title')} | Ferry`}</title>
        <h1>{t('title')}</h1>
        <p>{t('text')}</p>
        {error.digest && <p className="muted small">{t('reference', { id: `\u2068${error.digest}\u2069` })}</p>}
        <p>
          <button type="button" className="primary" onClick={reset}>
            {t('retry')}
          </button>{' '}
          <a href={shopPaths.home(locale)}>{t('home')}</a>
        </p>
      </div>
    </main>
  );
}
