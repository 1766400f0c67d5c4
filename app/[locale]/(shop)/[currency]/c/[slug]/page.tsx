import type { Metadata } from 'next';
import { CategoryListing, categoryMetadata } from '@/components/shop/category-listing';
import { categoryView } from '@/lib/shop/listing-views';

type Props = { params: Promise<{ locale: string; currency: string; slug: string }> };

// The category's plain first page. Rendered on first visit per (locale, currency, category), then
// served from the ISR cache until a catalog write revalidates the listing's tags or an hour passes,
// like a product page. Every other view (page 2, filters, sort) is c/[slug]/[view]; proxy.ts sends
// query strings there, so this page never reads one.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const plain = categoryView({});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata(await params, plain);
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryListing where={await params} view={plain} />;
}
