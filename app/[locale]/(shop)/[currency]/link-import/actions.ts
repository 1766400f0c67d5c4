'use server';

import { updateTag } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getLimiter } from '@/lib/auth/rate-limit';
import { cacheTags } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/http/client-ip';
import { defaultLocale, isLocale, locales } from '@/lib/i18n/locales';
import { shopPaths } from '@/lib/shop/paths';
import { importProductLink } from '@/lib/suppliers/import-product-link';
import { linkImportError } from '@/lib/suppliers/link-import-errors';
import type { LinkImportState } from '@/lib/suppliers/link-import-state';
import { linkImportMessage } from '@/lib/suppliers/link-import-message';

const linkForm = z.object({ locale: z.enum(locales), url: z.string().trim().min(1).max(2000) });

/**
 * The paste box (home and search pages): zod → per-IP limit (every import calls the marketplace) →
 * import → expire the product's and the listings' cached reads → the product page in the shopper's
 * language (the proxy adds their currency). Failures come back as a message; the form keeps the link.
 * Open to guests, like the catalog it fills.
 */
export async function importLinkAction(_previous: LinkImportState, formData: FormData): Promise<LinkImportState> {
  const value = typeof formData.get('url') === 'string' ? String(formData.get('url')).slice(0, 2000) : '';
  const rawLocale = formData.get('locale');
  const locale = typeof rawLocale === 'string' && isLocale(rawLocale) ? rawLocale : defaultLocale;
  let target: string;
  try {
    const input = linkForm.safeParse({ locale: rawLocale, url: value });
    if (!input.success) throw linkImportError('empty', null);
    const ip = clientIp(await headers());
    if (!(await getLimiter('linkImport').check({ ip, ipHourly: ip }))) throw linkImportError('rate_limited', null);
    const result = await importProductLink(getDb(), input.data.url);
    updateTag(cacheTags.product(result.productId));
    updateTag(cacheTags.listing);
    target = shopPaths.product(input.data.locale, result.slug);
  } catch (error) {
    return { status: 'error', at: Date.now(), message: await linkImportMessage(error, locale), value };
  }
  // Outside the try: redirect() works by throwing.
  redirect(target);
}
