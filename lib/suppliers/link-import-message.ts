import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { AppError } from '@/lib/errors';
import { linkImportReasonOf, type LinkImportReason } from './link-import-errors';
import { platformName } from './platform-name';

/**
 * A refused link import as a sentence in the shopper's language (the paste box action's `describe`).
 * Link-import AppErrors map by their reason (naming the marketplace as shoppers of that language
 * know it); a form the schema refused is an empty paste, the action's own rate limit is
 * `rate_limited`; anything else — an `internal` error logged by the action chain under its request
 * id — is the generic message carrying a reference, never its own text (rule 8).
 */
export async function linkImportMessage(error: AppError, locale: string): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'suppliers.linkImport.errors' });
  const reason: LinkImportReason | null =
    linkImportReasonOf(error) ?? (error.code === 'validation_failed' ? 'empty' : error.code === 'rate_limited' ? 'rate_limited' : null);
  if (!reason) {
    const requestId = typeof error.details?.requestId === 'string' ? error.details.requestId : null;
    return t('generic', { ref: requestId ? requestId.slice(0, 8) : error.code });
  }
  const platform = typeof error.details?.platform === 'string' ? await platformName(locale, error.details.platform) : '';
  return t(reason, { platform });
}
