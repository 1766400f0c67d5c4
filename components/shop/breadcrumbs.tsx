import Link from 'next/link';
import type { Crumb } from '@/lib/seo/crumb';

export function Breadcrumbs({ crumbs, label, current }: { crumbs: Crumb[]; label: string; current: string }) {
  return (
    <nav aria-label={label} className="breadcrumbs">
      <ol>
        {crumbs.map((c) => (
          <li key={c.href}>
            <Link href={c.href}>{c.name}</Link>
          </li>
        ))}
        <li aria-current="page">
          {/* A product title may be English on an Arabic page: isolate its direction. */}
          <bdi>{current}</bdi>
        </li>
      </ol>
    </nav>
  );
}
