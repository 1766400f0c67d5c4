import type { Metadata } from 'next';
import { defaultLocale, locales, localeTags, type Locale } from '@/lib/i18n/locales';
import { absoluteUrl } from './site-url';

/** Canonical URL of this locale's page plus hreflang alternates for every locale and x-default. */
export function localizedAlternates(locale: Locale, pathFor: (locale: Locale) => string): Metadata['alternates'] {
  const languages: Record<string, string> = {};
  for (const l of locales) languages[localeTags[l].hreflang] = absoluteUrl(pathFor(l));
  languages['x-default'] = absoluteUrl(pathFor(defaultLocale));
  return { canonical: absoluteUrl(pathFor(locale)), languages };
}

export function openGraphLocale(locale: Locale) {
  return {
    locale: localeTags[locale].og,
    alternateLocale: locales.filter((l) => l !== locale).map((l) => localeTags[l].og),
  };
}
