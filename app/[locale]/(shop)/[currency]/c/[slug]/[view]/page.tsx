import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CategoryListing, categoryMetadata } from '@/components/shop/category-listing';
import { parseCategoryViewSegment } from '@/lib/shop/listing-views';

type Props = { params: Promise<{ locale: string; currency: string; slug: string; view: string }> };

// A category's other views (`?page=2`, price bounds, sort), which proxy.ts rewrites into this
// segment (lib/shop/listing-views.ts): cached per (locale, currency, category, view) like the plain page.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const { view: segment, ...where } = await params;
  const view = parseCategoryViewSegment(segment);
  if (!view) notFound();
  return { where, view };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { where, view } = await load(params);
  return categoryMetadata(where, view);
}

export default async function CategoryViewPage({ params }: Props) {
  const { where, view } = await load(params);
  return <CategoryListing where={where} view={view} />;
}
