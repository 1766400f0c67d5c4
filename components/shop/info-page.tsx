import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { type Locale } from '@/lib/i18n/locales';
import { localizedMetadata } from '@/lib/seo/alternates';
import { shopPaths, type InfoPage } from '@/lib/shop/paths';

type Section = { title: string; text: string };

/** Title and description of a help/terms/privacy page in `locale`, with its hreflang alternates. */
export async function infoPageMetadata(locale: string, page: InfoPage): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: `infoPages.${page}` });
  return {
    title: `${t('title')} | Ferry`,
    ...localizedMetadata(locale as Locale, (l) => shopPaths.info(l, page), { title: t('title'), description: t('description') }),
  };
}

/**
 * The help, terms and privacy pages: a title, an introduction and titled sections, all from the
 * locale's messages (`infoPages.<page>`). They describe what the shop does today, nothing more.
 */
export async function InfoPageBody({ locale, page }: { locale: string; page: InfoPage }) {
  setRequestLocale(locale as Locale);
  const t = await getTranslations({ locale, namespace: `infoPages.${page}` });
  // Sections keep the catalogue's order (ids as keys: catalogues hold no arrays).
  const sections = Object.entries(t.raw('sections') as Record<string, Section>);
  return (
    <article className="prose" data-testid={`info-page-${page}`}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {sections.map(([id, section]) => (
        <section key={id} id={id}>
          <h2>{section.title}</h2>
          {section.text.split('\n').map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
