import { getLocale } from 'next-intl/server';
import { NotFoundMessage } from '@/components/shop/not-found-message';

// An order, address or pay link that is not there: the 404 inside the account's own frame.
export default async function AccountNotFound() {
  return <NotFoundMessage locale={await getLocale()} />;
}
