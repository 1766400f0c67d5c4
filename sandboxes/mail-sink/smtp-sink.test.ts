import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, decodeWords } from './mime';
import { startMailSink, type MailSink } from './smtp-sink';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(async () => sink?.close());

const link = `http://localhost:3000/de/account/reset-password?token=${'Ab9_-'.repeat(9)}x`;

describe('mail sink', () => {
  it('receives what nodemailer sends and gives back the exact text: long links, non-ASCII, dot-leading lines', async () => {
    const text = `Hallo Jürgen,\n\nÖffnen Sie diesen Link:\n${link}\n.leading dot\n\n— Ferry\n`;
    await nodemailer.createTransport(sink.smtpUrl).sendMail({ from: 'Ferry <no-reply@ferry.local>', to: 'jurgen@example.com', subject: 'Ihr Ferry-Passwort zurücksetzen', text });
    const mail = await sink.waitFor((m) => m.to.includes('jurgen@example.com'));
    expect(mail.from).toBe('no-reply@ferry.local');
    expect(mail.subject).toBe('Ihr Ferry-Passwort zurücksetzen');
    expect(mail.text.replace(/\r\n/g, '\n').trimEnd()).toBe(text.trimEnd());
    expect(mail.text).toContain(link);
  });

  it('accepts any credentials (AUTH) and mostly non-Latin text (base64)', async () => {
    const url = sink.smtpUrl.replace('smtp://', 'smtp://mailer:s3cret@');
    const text = `Ferry のパスワード再設定\n${link}\n`;
    await nodemailer.createTransport(url).sendMail({ from: 'a@ferry.local', to: ['ja@example.com', 'cc@example.com'], subject: 'Ferry のパスワード再設定', text });
    const mail = await sink.waitFor((m) => m.to.includes('ja@example.com'));
    expect(mail.to).toEqual(['ja@example.com', 'cc@example.com']);
    expect(mail.subject).toBe('Ferry のパスワード再設定');
    expect(mail.text).toContain(link);
  });

  it('waits for a message still to come, and gives up after the timeout', async () => {
    const later = sink.waitFor((m) => m.to.includes('later@example.com'), 5000);
    await nodemailer.createTransport(sink.smtpUrl).sendMail({ from: 'a@ferry.local', to: 'later@example.com', subject: 'Later', text: 'x' });
    expect((await later).subject).toBe('Later');
    await expect(sink.waitFor((m) => m.to.includes('never@example.com'), 50)).rejects.toThrow(/no matching message/);
  });
});

describe('MIME decoding', () => {
  it('decodes quoted-printable soft breaks and UTF-8 bytes', () => {
    expect(decodeQuotedPrintable('J=C3=BCrgen, a very long=\r\n line')).toBe('Jürgen, a very long line');
  });

  it('decodes RFC 2047 words, joining adjacent ones', () => {
    expect(decodeWords('=?UTF-8?Q?Ihr_Ferry-Passwort_zur=C3=BCcksetzen?=')).toBe('Ihr Ferry-Passwort zurücksetzen');
    expect(decodeWords('=?UTF-8?B?RmVycnkg?= =?UTF-8?B?44Gu?=')).toBe('Ferry の');
    expect(decodeWords('plain')).toBe('plain');
  });
});
