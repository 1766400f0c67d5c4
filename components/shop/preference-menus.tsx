'use client';

import { usePathname } from 'next/navigation';
import type { MouseEvent } from 'react';
import { localeNames, locales } from '@/lib/i18n/locales';
import { supportedCurrencies } from '@/lib/money/currencies';

/** The browser shows `/en/p/x` while the server renders `/en/EUR/p/x`: drop the currency segment. */
function publicRest(pathname: string): string {
  const parts = pathname.split('/').slice(2);
  if (parts[0] && /^[A-Z]{3}$/.test(parts[0])) parts.shift();
  return parts.length ? `/${parts.join('/')}` : '';
}

type Props = { locale: string; currency: string; languageLabel: string; currencyLabel: string };

/**
 * Language and currency menus as plain links, so they work before (and without) JavaScript:
 * `/ja/…` switches language (the proxy remembers it); `/{locale}/{CUR}/…` is answered by the proxy, which stores the currency
 * in a cookie and redirects to the clean URL.
 */
export function PreferenceMenus({ locale, currency, languageLabel, currencyLabel }: Props) {
  const rest = publicRest(usePathname() ?? `/${locale}`);
  // Keep the page's query (sort, page, search words) when switching; read at click time so
  // statically rendered pages need no search-params hook.
  const keepQuery = (event: MouseEvent<HTMLAnchorElement>) => {
    const query = window.location.search;
    if (query) event.currentTarget.search = query;
  };
  return (
    <div className="prefs">
      <details className="menu">
        <summary aria-label={`${languageLabel}: ${localeNames[locale as keyof typeof localeNames]}`}>
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
            <circle cx="12" cy="12" r="9" />
            <path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z" />
          </svg> <span className="menu-text">{localeNames[locale as keyof typeof localeNames]}</span>
        </summary>
        <ul role="list">
          {locales.map((l) => (
            <li key={l}>
              <a href={`/${l}${rest}`} hrefLang={l} lang={l} onClick={keepQuery} aria-current={l === locale ? 'true' : undefined}>
                {localeNames[l]}
              </a>
            </li>
          ))}
        </ul>
      </details>
      <details className="menu">
        <summary aria-label={`${currencyLabel}: ${currency}`} data-testid="currency-current">
          {currency}
        </summary>
        <ul role="list">
          {supportedCurrencies.map((c) => (
            <li key={c}>
              <a href={`/${locale}/${c}${rest}`} rel="nofollow" onClick={keepQuery} aria-current={c === currency ? 'true' : undefined}>
                {c}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
