'use client';
import { useEffect } from 'react';
import { SHIP_COUNTRY_COOKIE } from '@/lib/shipping/destination';

/** Remembers the destination last estimated for, so product pages and the cart estimate for it too (a year, this site only). */
export function RememberShipCountry({ country }: { country: string }) {
  useEffect(() => {
    document.cookie = `${SHIP_COUNTRY_COOKIE}=${encodeURIComponent(country)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }, [country]);
  return null;
}
