import 'server-only';
import { getTranslations } from 'next-intl/server';

/** A marketplace's name as shoppers of `locale` know it (淘宝 in Chinese, Taobao elsewhere). */
export async function platformName(locale: string, platform: string): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'platforms' });
  return t.has(platform) ? t(platform) : platform;
}
