import { getLocale } from 'next-intl/server';
import { NotFoundMessage } from '@/components/shop/not-found-message';

// A 404 under a locale that no closer segment catches (the locale layout's notFound() goes to app/not-found.tsx).
export default async function LocaleNotFound() {
  return (
    <main id="main" className="container main">
      <NotFoundMessage locale={await getLocale()} />
    </main>
  );
}
