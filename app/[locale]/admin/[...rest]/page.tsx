import { notFound } from 'next/navigation';

// Any admin path no route matches: the admin's own 404 (inside its frame), not the bare root one.
export default function UnknownAdminPage() {
  notFound();
}
