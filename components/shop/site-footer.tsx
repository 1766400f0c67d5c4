import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { infoPages, shopPaths } from '@/lib/shop/paths';

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: 'footer' });
  const nav = await getTranslations({ locale, namespace: 'nav' });
  const shipping = await getTranslations({ locale, namespace: 'shipping' });
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('about')}</p>
        <p className="muted">{t('rights')}</p>
        <nav aria-label={t('legalLinks')}>
          <p>
            <Link href={shopPaths.about(locale)}>{nav('about')}</Link>
            {' · '}
            <Link href={shopPaths.shipping(locale)}>{shipping('footerLink')}</Link>
            {infoPages.map((page) => (
              <span key={page}>
                {' · '}
                <Link href={shopPaths.info(locale, page)}>{t(page)}</Link>
              </span>
            ))}
            {' · '}
            <a href="/sitemap.xml">{t('sitemap')}</a>
          </p>
        </nav>
      </div>
    </footer>
  );
}
