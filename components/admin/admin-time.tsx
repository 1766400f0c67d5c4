import { formatAdminDateTime } from '@/lib/admin/format';

/** A timestamp in the admin's zone; kept left-to-right so Arabic pages do not swap date and time. */
export function AdminTime({ value }: { value: Date | string | null }) {
  if (value === null) return <>—</>;
  const iso = typeof value === 'string' ? value : value.toISOString();
  return (
    <time dateTime={iso} dir="ltr" className="admin-nowrap">
      {formatAdminDateTime(value)}
    </time>
  );
}
