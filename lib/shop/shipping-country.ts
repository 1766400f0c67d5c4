import 'server-only';
import { cookies, headers } from 'next/headers';
import { listAddresses } from '@/lib/addresses/address-book';
import { isCountryCode } from '@/lib/addresses/countries';
import { getCurrentUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { acceptLanguageTags, pickShippingCountry, SHIP_COUNTRY_COOKIE } from '@/lib/shipping/destination';

/**
 * The destination a page rendered per request estimates for when the shopper named none: the one
 * they last estimated for (cookie), their default address (signed in), their browser's region, else
 * their language's country. Cached and ISR pages must not call this (it reads the request).
 */
export async function shopperShippingCountry(locale: string): Promise<string> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const chosen = cookieStore.get(SHIP_COUNTRY_COOKIE)?.value ?? null;
  const languages = acceptLanguageTags(headerList.get('accept-language'));
  if (chosen && isCountryCode(chosen)) return chosen;
  const user = await getCurrentUser();
  const addresses = user ? await listAddresses(getDb(), user.id) : [];
  const saved = (addresses.find((a) => a.isDefault) ?? addresses[0])?.country ?? null;
  return pickShippingCountry({ chosen: null, saved, languages, locale });
}
