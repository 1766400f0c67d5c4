'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

type Item = { href: string; label: string };

/** The admin's section links, only those the staff member's role opens; the current one is marked. */
export function AdminNav({ items, label }: { items: Item[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav className="admin-nav" aria-label={label}>
      <ul role="list">
        {items.map((item) => {
          const isCurrent = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={isCurrent ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
