import { notFound, redirect } from 'next/navigation';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { isLocale } from '@/lib/i18n/locales';

// /admin opens the orders board (after the same check the board makes).
export default async function AdminHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await requireStaffPage(locale, 'orders:read', adminPaths.home(locale));
  redirect(adminPaths.orders(locale));
}
