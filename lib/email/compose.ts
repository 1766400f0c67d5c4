import { createTranslator } from 'next-intl';
import ar from '@/messages/account/ar.json';
import de from '@/messages/account/de.json';
import en from '@/messages/account/en.json';
import es from '@/messages/account/es.json';
import fr from '@/messages/account/fr.json';
import ja from '@/messages/account/ja.json';
import ko from '@/messages/account/ko.json';
import pt from '@/messages/account/pt.json';
import ru from '@/messages/account/ru.json';
import zhCN from '@/messages/account/zh-CN.json';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';

/**
 * A rendered email, ready for `sendEmail` once a recipient is added. `secrets` lists the parts that
 * must never be stored (one-time links): the outbox keeps them redacted, only SMTP carries them.
 * The texts are written by the module that sends them (lib/auth's account emails, lib/notifications'
 * order emails); this file gives them one greeting, signature and message catalogue.
 */
export type EmailContent = { subject: string; text: string; template: string; secrets?: string[] };

const catalogues: Record<Locale, typeof en> = { en, 'zh-CN': zhCN, es, fr, de, ja, ko, ar, ru, pt };

/** The `emails` messages in `locale` (English for a locale Ferry does not speak). */
export function emailTranslator(locale: string) {
  const l = isLocale(locale) ? locale : defaultLocale;
  return createTranslator({ locale: l, messages: catalogues[l], namespace: 'emails' });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;

/** Greeting (by name when known), the paragraphs, the signature. */
export function composeEmail(t: EmailTranslator, name: string | null | undefined, paragraphs: string[]): string {
  const greeting = name ? t('greeting', { name }) : t('greetingNoName');
  return [greeting, ...paragraphs, t('signature')].join('\n\n') + '\n';
}
