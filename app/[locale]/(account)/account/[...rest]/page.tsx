import { notFound } from 'next/navigation';

// Any account path no route matches: the localized 404 inside the account frame, not the bare root one.
export default function UnknownAccountPage() {
  notFound();
}
