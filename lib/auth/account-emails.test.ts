import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import { passwordResetEmail, signUpAttemptEmail, welcomeEmail } from './account-emails';

const link = 'http://localhost:3000/fr/account/reset-password?token=abc_DEF-123';

describe('email templates', () => {
  it.each(locales)('renders every template in %s without missing messages', (locale) => {
    const emails = [
      passwordResetEmail(locale, { name: 'Mei', link }),
      welcomeEmail(locale, { name: null }),
      signUpAttemptEmail(locale, { name: 'Mei' }),
    ];
    for (const email of emails) {
      expect(email.subject.trim()).not.toBe('');
      // next-intl renders a missing key as its dotted path.
      expect(`${email.subject}\n${email.text}`).not.toMatch(/emails\.\w+/);
    }
    expect(emails[0]!.text).toContain(link);
    expect(emails[0]!.text).toContain('Mei');
    expect(emails[1]!.text).toContain(`/${locale}/account`);
    expect(emails[2]!.text).toContain(`/${locale}/account/sign-in`);
    expect(emails[2]!.text).toContain(`/${locale}/account/forgot-password`);
    expect(emails.map((e) => e.template)).toEqual(['password-reset', 'welcome', 'sign-up-attempt']);
  });

  it('speaks the requested language and falls back to English for an unknown locale', () => {
    expect(passwordResetEmail('de', { link }).subject).toBe('Ihr Ferry-Passwort zurücksetzen');
    expect(passwordResetEmail('ja', { link }).subject).toBe('Ferry のパスワード再設定');
    expect(passwordResetEmail('xx', { link }).subject).toBe('Reset your Ferry password');
    expect(welcomeEmail('en', { name: 'Ana' }).text.startsWith('Hello Ana,\n\n')).toBe(true);
    expect(welcomeEmail('en', {}).text.startsWith('Hello,\n\n')).toBe(true);
  });

  it('marks the reset link as a secret, and no other template carries one', () => {
    expect(passwordResetEmail('en', { link }).secrets).toEqual([link]);
    expect(welcomeEmail('en', {}).secrets ?? []).toEqual([]);
    expect(signUpAttemptEmail('en', {}).secrets ?? []).toEqual([]);
  });
});
