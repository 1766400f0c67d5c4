import type { Metadata } from 'next';
import { defaultLocale, locales, localeTags, type Locale } from '@/lib/i18n/locales';
import { absoluteUrl } from '@/lib/site-url';

/** Canonical URL of this locale's page plus hreflang alternates for every locale and x-default. */
function localizedAlternates(locale: Locale, pathFor: (locale: Locale) => string): Metadata['alternates'] {
  const languages: Record<string, string> = {};
  for (const l of locales) languages[localeTags[l].hreflang] = absoluteUrl(pathFor(l));
  languages['x-default'] = absoluteUrl(pathFor(defaultLocale));
  return { canonical: absoluteUrl(pathFor(locale)), languages };
}

type PageText = {
  /** The page's own heading: Open Graph title (the document title adds the site name). */
  title: string;
  description: string;
  images?: NonNullable<Metadata['openGraph']>['images'];
};

/**
 * What every storefront page tells search engines and link previews: description, canonical URL,
 * hreflang alternates and Open Graph in this locale. Pages add their document `title`.
 */
export function localizedMetadata(locale: Locale, pathFor: (locale: Locale) => string, page: PageText): Metadata {
  return {
    description: page.description,
    alternates: localizedAlternates(locale, pathFor),
    openGraph: {
      type: 'website',
      siteName: 'Ferry',
      title: page.title,
      description: page.description,
      url: absoluteUrl(pathFor(locale)),
      ...(page.images ? { images: page.images } : {}),
      locale: localeTags[locale].og,
      alternateLocale: locales.filter((l) => l !== locale).map((l) => localeTags[l].og),
    },
  };
}
