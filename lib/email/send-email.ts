import 'server-only';
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { emailOutbox } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';
import { isDuplicateKey } from '@/lib/db/lock-conflict';
import { getEnv } from '@/lib/env';

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  template: string;
  /**
   * Exact parts of the subject or text that must never be stored: one-time links and tokens (a
   * reset link would let whoever reads the outbox take over the account, staff accounts included).
   * The outbox row keeps REDACTED in their place; only the SMTP delivery carries them.
   */
  secrets?: readonly string[];
  /**
   * For a sender that may run twice for one message (an event subscriber retried after a crash):
   * the second call finds the first's outbox row; it sends nothing when that row was sent or
   * stored, and delivers it again when it was still queued or failed.
   */
  idempotencyKey?: string;
};
export type SendEmailResult = { id: number; status: 'sent' | 'failed' | 'stored' };
export type SendEmailOptions = { smtpUrl?: string; from?: string; transport?: MailTransport };

export const REDACTED = '[redacted]';

/** Anything with nodemailer's `sendMail`: tests pass a fake; production builds one from SMTP_URL. */
export type MailTransport = Pick<Transporter, 'sendMail'>;

let smtp: { url: string; transport: MailTransport } | undefined;

function transportFor(url: string): MailTransport {
  if (smtp?.url !== url) smtp = { url, transport: nodemailer.createTransport(url) };
  return smtp.transport;
}

/**
 * Records the message in `email_outbox` first (staff can always read what went out, minus its
 * secrets), then sends it over SMTP when SMTP_URL is set and marks it `sent`/`failed`; without SMTP
 * it stays `stored` — except a message with secrets, which nobody could ever read: it is `failed`
 * with the reason. Never throws for a delivery failure: callers (password reset) must answer the
 * same either way.
 */
export async function sendEmail(db: Database, message: EmailMessage, options: SendEmailOptions = {}): Promise<SendEmailResult> {
  const env = getEnv();
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
  const transport = options.transport ?? (smtpUrl ? transportFor(smtpUrl) : undefined);
  const secrets = message.secrets ?? [];
  const undeliverable = !transport && secrets.length > 0;
  let id: number;
  try {
    const [row] = await db
      .insert(emailOutbox)
      .values({
        to: message.to,
        subject: redactForOutbox(message.subject, secrets).slice(0, 255),
        text: redactForOutbox(message.text, secrets),
        template: message.template.slice(0, 64),
        transport: transport ? 'smtp' : 'outbox',
        status: transport ? 'queued' : undeliverable ? 'failed' : 'stored',
        error: undeliverable ? 'Not sent: SMTP_URL is not set, and a one-time link is never kept readable' : null,
        idempotencyKey: message.idempotencyKey ?? null,
      })
      .$returningId();
    id = row!.id;
  } catch (error) {
    if (!message.idempotencyKey || !isDuplicateKey(error)) throw error;
    const [earlier] = await db.select({ id: emailOutbox.id, status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.idempotencyKey, message.idempotencyKey)).limit(1);
    if (!earlier) throw error;
    if (earlier.status === 'sent' || earlier.status === 'stored' || !transport) return { id: earlier.id, status: earlier.status === 'queued' ? 'failed' : earlier.status };
    id = earlier.id;
  }
  if (undeliverable) {
    console.warn(`[email] outbox #${id} (${message.template}) holds a one-time link and SMTP_URL is not set: not delivered`);
    return { id, status: 'failed' };
  }
  if (!transport) return { id, status: 'stored' };

  try {
    await transport.sendMail({ from: options.from ?? env.EMAIL_FROM, to: message.to, subject: message.subject, text: message.text });
    await db.update(emailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(emailOutbox.id, id));
    return { id, status: 'sent' };
  } catch (error) {
    const reason = redactForOutbox(redactSecrets(error instanceof Error ? error.message : String(error), smtpUrl), secrets);
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

/** The text as the outbox keeps it: every occurrence of every secret replaced by REDACTED. */
export function redactForOutbox(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) out = out.replaceAll(secret, REDACTED);
  return out;
}
