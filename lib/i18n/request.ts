import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale } from './locales';
import { messageAreas } from './message-areas';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  const parts = await Promise.all([
    import(`../../messages/${locale}.json`),
    ...messageAreas.map((area) => import(`../../messages/${area}/${locale}.json`)),
  ]);
  const messages = Object.assign({}, ...parts.map((part: { default: Record<string, unknown> }) => part.default));
  return { locale, messages };
});
