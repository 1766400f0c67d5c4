import { getLocale } from 'next-intl/server';
import { NotFoundMessage } from '@/components/shop/not-found-message';

export default async function NotFound() {
  return <NotFoundMessage locale={await getLocale()} />;
}
