import { describe, expect, it } from 'vitest';
import { redactSecrets } from './send-email';

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
