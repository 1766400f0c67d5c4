import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CategoryTree } from '@/lib/catalog/types';
import { shopPaths } from '@/lib/shop/paths';
import { AccountLink } from './account-link';
import { CartLink } from './cart-link';
import { PreferenceMenus } from './preference-menus';
import { SearchForm } from './search-form';

/**
 * The storefront header. On a phone it is two rows (logo, categories menu, language, currency,
 * account and cart icons; then search); on wider screens the category bar follows, wrapping.
 */
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
          <span className="logo-text">Ferry</span>
        </Link>
        <details className="menu category-menu">
          <summary aria-label={t('categories')}>
            <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
          </summary>
          <nav aria-label={t('categories')}>
            <CategoryLinks locale={locale} tree={tree} />
          </nav>
        </details>
        <SearchForm locale={locale} label={t('search')} placeholder={t('searchPlaceholder')} button={t('searchButton')} />
        <PreferenceMenus locale={locale} currency={currency} languageLabel={t('language')} currencyLabel={t('currency')} />
        <AccountLink locale={locale} />
        <CartLink locale={locale} />
      </div>
      {/* Wide screens: every top category, wrapping onto a second line rather than cut off. Phones use the menu in the first row. */}
      <nav className="container category-nav" aria-label={t('categories')}>
        <CategoryLinks locale={locale} tree={tree} />
      </nav>
    </header>
  );
}

function CategoryLinks({ locale, tree }: { locale: string; tree: CategoryTree }) {
  return (
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
  );
}
