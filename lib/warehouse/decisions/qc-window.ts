/**
 * The shopper's QC decision window, as plain arithmetic on instants (lib/warehouse/decisions'
 * job, page and email read it from here). The window opens when the item's photos reach its
 * allowance (`qc_ready_at`) and lasts `decisionHours`; the shopper is warned `warningHours` before
 * it closes. Nobody is accepted without that warning: an item whose warning went out late (the
 * job was down, the agent shortened the window) is accepted `warningHours` after the warning, not
 * before — so the effective deadline is the later of the two.
 */
export type QcWindowSettings = { decisionHours: number; warningHours: number };

const HOUR_MS = 3_600_000;

/** When the warning is due: `warningHours` before the window closes, never before it opened. */
export function warningDueAt(qcReadyAt: Date, window: QcWindowSettings): Date {
  return new Date(qcReadyAt.getTime() + Math.max(0, window.decisionHours - window.warningHours) * HOUR_MS);
}

/** When an undecided item is accepted: the window's end, or `warningHours` after the warning if that is later. */
export function autoAcceptAt(qcReadyAt: Date, warnedAt: Date | null, window: QcWindowSettings): Date {
  const closes = qcReadyAt.getTime() + window.decisionHours * HOUR_MS;
  if (!warnedAt) return new Date(closes);
  return new Date(Math.max(closes, warnedAt.getTime() + window.warningHours * HOUR_MS));
}

/** Whether the job may accept the item now: the window closed and the shopper was warned (for this window) long enough ago. */
export function isAutoAcceptDue(qcReadyAt: Date, warnedAt: Date | null, window: QcWindowSettings, now: Date): boolean {
  if (!warnedAt || warnedAt < qcReadyAt) return false;
  return now.getTime() >= autoAcceptAt(qcReadyAt, warnedAt, window).getTime();
}

/**
 * The cut-offs the job's queries use: items ready at or before `warnReadyBefore` are due a warning;
 * items ready at or before `acceptReadyBefore` whose warning is at or before `acceptWarnedBefore`
 * are due acceptance (isAutoAcceptDue, as SQL bounds).
 */
export function qcCutoffs(window: QcWindowSettings, now: Date) {
  return {
    warnReadyBefore: new Date(now.getTime() - Math.max(0, window.decisionHours - window.warningHours) * HOUR_MS),
    acceptReadyBefore: new Date(now.getTime() - window.decisionHours * HOUR_MS),
    acceptWarnedBefore: new Date(now.getTime() - window.warningHours * HOUR_MS),
  };
}
