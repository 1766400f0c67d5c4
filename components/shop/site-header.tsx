import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CategoryTree } from '@/lib/catalog/types';
import { shopPaths } from '@/lib/shop/paths';
import { AccountLink } from './account-link';
import { CartLink } from './cart-link';
import { PreferenceMenus } from './preference-menus';
import { SearchForm } from './search-form';

export async function SiteHeader({ locale, currency, tree }: { locale: string; currency: string; tree: CategoryTree }) {
  const t = await getTranslations({ locale, namespace: 'nav' });
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div className="container header-row">
        <Link href={shopPaths.home(locale)} className="logo" aria-label="Ferry">
          <svg width="28" height="28" viewBox="0 0 64 64" aria-hidden="true">
            <rect width="64" height="64" rx="14" fill="#0b5d66" />
            <path d="M12 38h40l-6 12H18z" fill="#fff" />
            <path d="M30 12v24H16z" fill="#f6c26b" />
            <path d="M34 16v20h12z" fill="#fff" />
          </svg>
          <span>Ferry</span>
        </Link>
        <SearchForm locale={locale} label={t('search')} placeholder={t('searchPlaceholder')} button={t('searchButton')} />
        <PreferenceMenus locale={locale} currency={currency} languageLabel={t('language')} currencyLabel={t('currency')} />
        <AccountLink locale={locale} />
        <CartLink locale={locale} />
      </div>
      <nav className="container category-nav" aria-label={t('categories')}>
        <ul role="list">
          {tree.roots.map((id) => {
            const c = tree.byId[id]!;
            return (
              <li key={id}>
                <Link href={shopPaths.category(locale, c.slug)}>{c.name}</Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
