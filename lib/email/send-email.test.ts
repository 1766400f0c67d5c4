import { describe, expect, it } from 'vitest';
import { REDACTED, redactForOutbox, redactSecrets } from './send-email';

describe('redactSecrets', () => {
  it('removes the SMTP password and any credentials in URLs from a transport error', () => {
    const url = 'smtps://mailer:s3cr%40t!@smtp.example.com:465';
    const message = 'Invalid login: 535 auth failed for mailer with s3cr@t! at smtps://mailer:s3cr@t!@smtp.example.com:465';
    const out = redactSecrets(message, url);
    expect(out).not.toContain('s3cr@t!');
    expect(out).toContain('smtps://***@smtp.example.com:465');
  });

  it('leaves ordinary errors alone', () => {
    expect(redactSecrets('connect ECONNREFUSED 127.0.0.1:2525', undefined)).toBe('connect ECONNREFUSED 127.0.0.1:2525');
  });
});

describe('redactForOutbox', () => {
  const link = 'http://localhost:3000/en/account/reset-password?token=AbC_123-xyz';

  it('replaces every occurrence of every secret, and leaves the rest of the text as it was', () => {
    const text = `Hello,\n\nOpen this link:\n${link}\n\nAgain: ${link}\n`;
    expect(redactForOutbox(text, [link])).toBe(`Hello,\n\nOpen this link:\n${REDACTED}\n\nAgain: ${REDACTED}\n`);
  });

  it('replaces a secret that contains another one whole', () => {
    expect(redactForOutbox(`a ${link} b AbC_123-xyz`, ['AbC_123-xyz', link])).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it('changes nothing without secrets (and ignores empty ones)', () => {
    expect(redactForOutbox('plain text', [])).toBe('plain text');
    expect(redactForOutbox('plain text', [''])).toBe('plain text');
  });
});
