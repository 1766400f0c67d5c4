import 'server-only';
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { emailOutbox } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';
import { getEnv } from '@/lib/env';

export type EmailMessage = { to: string; subject: string; text: string; template: string };
export type SendEmailResult = { id: number; status: 'sent' | 'failed' | 'stored' };

/** Anything with nodemailer's `sendMail`: tests pass a fake; production builds one from SMTP_URL. */
export type MailTransport = Pick<Transporter, 'sendMail'>;

let smtp: { url: string; transport: MailTransport } | undefined;

function transportFor(url: string): MailTransport {
  if (smtp?.url !== url) smtp = { url, transport: nodemailer.createTransport(url) };
  return smtp.transport;
}

/**
 * Records the message in `email_outbox` first (staff can always read what went out), then sends it
 * over SMTP when SMTP_URL is set and marks it `sent`/`failed`; without SMTP it stays `stored`.
 * Never throws for a delivery failure: callers (password reset) must answer the same either way.
 */
export async function sendEmail(
  db: Database,
  message: EmailMessage,
  options: { smtpUrl?: string; from?: string; transport?: MailTransport } = {},
): Promise<SendEmailResult> {
  const env = getEnv();
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
  const transport = options.transport ?? (smtpUrl ? transportFor(smtpUrl) : undefined);
  const [row] = await db
    .insert(emailOutbox)
    .values({
      to: message.to,
      subject: message.subject.slice(0, 255),
      text: message.text,
      template: message.template.slice(0, 64),
      transport: transport ? 'smtp' : 'outbox',
      status: transport ? 'queued' : 'stored',
    })
    .$returningId();
  const id = row!.id;
  if (!transport) return { id, status: 'stored' };

  try {
    await transport.sendMail({ from: options.from ?? env.EMAIL_FROM, to: message.to, subject: message.subject, text: message.text });
    await db.update(emailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(emailOutbox.id, id));
    return { id, status: 'sent' };
  } catch (error) {
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), smtpUrl);
    console.error(`[email] delivery of outbox #${id} failed: ${reason}`);
    await db.update(emailOutbox).set({ status: 'failed', error: reason.slice(0, 255) }).where(eq(emailOutbox.id, id));
    return { id, status: 'failed' };
  }
}

/** Drops the SMTP password (and any user:pass@ in a URL) from a transport error before it is stored or logged. */
export function redactSecrets(text: string, smtpUrl: string | undefined): string {
  let out = text;
  if (smtpUrl) {
    try {
      const password = decodeURIComponent(new URL(smtpUrl).password);
      if (password) out = out.replaceAll(password, '***');
    } catch {
      // not a parseable URL: the pattern below still removes user:pass@
    }
  }
  return out.replace(/(\w+:\/\/)[^\s/]*@/g, '$1***@');
}
