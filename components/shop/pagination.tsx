import Link from 'next/link';

type Props = { page: number; pages: number; hrefFor: (page: number) => string; labels: { nav: string; previous: string; next: string; pageOf: string } };

export function Pagination({ page, pages, hrefFor, labels }: Props) {
  if (pages <= 1) return null;
  const window = [page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages);
  return (
    <nav className="pagination" aria-label={labels.nav}>
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev">
          {labels.previous}
        </Link>
      )}
      <ol role="list">
        {window.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <Link href={hrefFor(p)}>{p}</Link>
            )}
          </li>
        ))}
      </ol>
      <span className="muted small">{labels.pageOf}</span>
      {page < pages && (
        <Link href={hrefFor(page + 1)} rel="next">
          {labels.next}
        </Link>
      )}
    </nav>
  );
}
