import 'server-only';
import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { isAppError } from '@/lib/errors';
import { platformName } from '@/lib/shop/platform-name';
import { linkImportReasonOf } from './link-import-errors';

/**
 * A failed link import as a sentence in the shopper's language. Link-import AppErrors map by their
 * reason (naming the marketplace as shoppers of that language know it); anything else is logged with
 * a reference and shown as a generic message carrying it, never its own text (rule 8).
 */
export async function linkImportMessage(error: unknown, locale: string): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'suppliers.linkImport.errors' });
  const reason = isAppError(error) ? linkImportReasonOf(error) : null;
  if (!reason || !isAppError(error)) {
    const ref = randomUUID().slice(0, 8);
    console.error(`[link-import] ref ${ref}:`, error);
    return t('generic', { ref });
  }
  const platform = typeof error.details?.platform === 'string' ? await platformName(locale, error.details.platform) : '';
  return t(reason, { platform });
}
