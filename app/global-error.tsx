'use client';

import { useEffect, useState } from 'react';
import './globals.css';

type Words = { title: string; text: string; retry: string; home: string };
const english: Words = { title: 'Something went wrong', text: 'We could not show this page. Please try again in a moment.', retry: 'Try again', home: 'Back to the home page' };
const locales = ['en', 'zh-CN', 'es', 'fr', 'de', 'ja', 'ko', 'ar', 'ru', 'pt'];

/**
 * When the locale layout itself fails there is no layout, no provider and no <html> left: this
 * page brings its own, finds the language in the URL and loads only that catalogue's `errorPage`
 * words (English until they arrive, or if they cannot).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [{ locale, words }, setLanguage] = useState<{ locale: string; words: Words }>({ locale: 'en', words: english });
  useEffect(() => {
    const fromUrl = window.location.pathname.split('/')[1] ?? '';
    if (!locales.includes(fromUrl) || fromUrl === 'en') return;
    import(`../messages/${fromUrl}.json`)
      .then((catalogue: { default: { errorPage?: Words } }) => catalogue.default.errorPage && setLanguage({ locale: fromUrl, words: catalogue.default.errorPage }))
      .catch(() => {});
  }, []);
  return (
    <html lang={locale} dir={locale === 'ar' ? 'rtl' : 'ltr'}>
      <body>
        <title>{`${words.title} | Ferry`}</title>
        <main id="main" className="container main not-found" role="alert" data-testid="error-page">
          <h1>{words.title}</h1>
          <p>{words.text}</p>
          {error.digest && (
            <p className="muted small" dir="ltr">
              {error.digest}
            </p>
          )}
          <p>
            <button type="button" className="primary" onClick={reset}>
              {words.retry}
            </button>{' '}
            <a href={`/${locale}`}>{words.home}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
