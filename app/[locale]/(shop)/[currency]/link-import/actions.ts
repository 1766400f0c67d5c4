'use server';

import { updateTag } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { getLimiter } from '@/lib/auth/rate-limit';
import { cacheTags } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/http/client-ip';
import { locales } from '@/lib/i18n/locales';
import { shopPaths } from '@/lib/shop/paths';
import { importProductLink } from '@/lib/catalog/import/import-product-link';
import { linkImportMessage } from '@/lib/suppliers/link-import-message';

const linkForm = z.object({ locale: z.enum(locales), url: z.string().trim().min(1).max(2000) });

/**
 * The paste box (home and search pages): zod → per-IP limit (every import calls the marketplace) →
 * import → expire the product's and the listings' cached reads → the product page in the shopper's
 * language (the proxy adds their currency). Failures come back as a message; the form keeps the link.
 * Open to guests, like the catalog it fills.
 */
export const importLinkAction = action({
  name: 'link import',
  input: linkForm,
  auth: { public: true },
  rateLimit: async () => {
    const ip = clientIp(await headers());
    return getLimiter('linkImport').check({ ip, ipHourly: ip });
  },
  run: ({ url }) => importProductLink(getDb(), url),
  revalidate: (_input, result) => {
    updateTag(cacheTags.product(result.productId));
    updateTag(cacheTags.listing);
  },
  redirect: ({ locale }, result) => shopPaths.product(locale, result.slug),
  describe: linkImportMessage,
  echo: ['url'],
});
