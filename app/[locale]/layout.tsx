import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { isLocale, locales, textDirection } from '@/lib/i18n/locales';
import { siteUrl } from '@/lib/site-url';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  applicationName: 'Ferry',
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = { themeColor: '#0b5d66', width: 'device-width', initialScale: 1 };

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const messages = await getMessages({ locale });
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>
        {/* Only what app/[locale]/error.tsx reads; each area's layout hands its own client components theirs. */}
        <NextIntlClientProvider locale={locale} messages={{ errorPage: messages.errorPage }}>
          <QueryProvider>{children}</QueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
