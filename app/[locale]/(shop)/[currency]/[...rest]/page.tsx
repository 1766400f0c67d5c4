import { notFound } from 'next/navigation';

// Any storefront path no route matches renders the localized 404 (with header and footer).
export default function UnknownPage() {
  notFound();
}
