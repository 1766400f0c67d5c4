import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { cartPaths } from '@/lib/cart/paths';
import { CartBadge } from './cart-badge';

/** The header's cart link: hands the badge (a client component) only the messages it needs. */
export async function CartLink({ locale }: { locale: string }) {
  const messages = await getMessages({ locale });
  return (
    <NextIntlClientProvider locale={locale} messages={{ cartLink: messages.cartLink }}>
      <CartBadge href={cartPaths.cart(locale)} />
    </NextIntlClientProvider>
  );
}
