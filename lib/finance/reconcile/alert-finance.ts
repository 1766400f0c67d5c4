import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { reconciliationRuns, users } from '@/db/schema';
import { adminPaths } from '@/lib/admin/paths';
import type { Database } from '@/lib/db';
import { composeEmail, emailTranslator } from '@/lib/email/compose';
import { sendEmail } from '@/lib/email/send-email';
import { absoluteUrl } from '@/lib/site-url';

/** Emails finance about every finished run that raised the alert and has not been announced yet. */
export async function sendReconciliationAlerts(db: Database): Promise<number> {
  const pending = await db
    .select({ id: reconciliationRuns.id, day: reconciliationRuns.day, mismatchRate: reconciliationRuns.mismatchRate })
    .from(reconciliationRuns)
    .where(and(eq(reconciliationRuns.isAlert, 1), eq(reconciliationRuns.status, 'done'), isNull(reconciliationRuns.alertSentAt)))
    .limit(20);
  let sent = 0;
  for (const run of pending) sent += await alertFinance(db, { id: run.id, day: run.day, mismatchRate: Number(run.mismatchRate) });
  return sent;
}

/**
 * Tells finance (every enabled user with the finance role, in their language) that a day's
 * reconciliation found more than 0.5% of its money at odds. Once per run: the run's `alert_sent_at`
 * is set by compare-and-set before sending, and each email has an idempotency key, so a re-run or
 * a second server sends nothing more. Returns the number of emails handed to the outbox.
 */
export async function alertFinance(db: Database, run: { id: number; day: string; mismatchRate: number }): Promise<number> {
  const [claimed] = await db
    .update(reconciliationRuns)
    .set({ alertSentAt: new Date() })
    .where(and(eq(reconciliationRuns.id, run.id), eq(reconciliationRuns.isAlert, 1), isNull(reconciliationRuns.alertSentAt)));
  if (claimed.affectedRows !== 1) return 0;
  const recipients = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, 'finance'), eq(users.isDisabled, 0)));
  for (const user of recipients) {
    const t = emailTranslator(user.locale);
    const percent = (run.mismatchRate * 100).toFixed(2);
    const link = absoluteUrl(adminPaths.reconciliationRun(user.locale, run.id));
    await sendEmail(db, {
      to: user.email,
      subject: t('reconciliationAlertSubject', { day: run.day, percent }),
      text: composeEmail(t, user.name, [t('reconciliationAlertIntro', { day: run.day, percent }), t('reconciliationAlertLink', { link })]),
      template: 'reconciliation-alert',
      idempotencyKey: `reconciliation-alert:${run.id}:${user.id}`,
    });
  }
  return recipients.length;
}
