/**
 * A moment as shoppers read it on order and checkout pages: date and time in their language, Latin
 * digits (like prices), in UTC and saying so — the server does not know the shopper's time zone,
 * and a page rendered on the server must not change when the browser hydrates it.
 */
export function formatInstant(value: Date | string, locale: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', numberingSystem: 'latn' }).format(date)} UTC`;
}
