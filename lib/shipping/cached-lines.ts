import 'server-only';
import { unstable_cache } from 'next/cache';
import { databaseName } from '@/db/client';
import { cacheTags } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { loadActiveLines } from './load-lines';

/**
 * The active lines for storefront quotes, cached under the `shipping:lines` tag (the admin's edits
 * revalidate it, so an edit changes the next quote at once) and per database, so tenants never share
 * lines. Parcels read lines uncached through quoteShipping.
 */
export function cachedActiveLines() {
  const db = getDb();
  return unstable_cache(() => loadActiveLines(db), ['shipping-lines', databaseName(db)], { tags: [cacheTags.shippingLines], revalidate: 600 })();
}
