import { isSupplierError } from '@/lib/suppliers/types';

/**
 * Why a purchase order failed, kept in `purchase_orders.last_error` as `<stage>:<code>: <message>`
 * so the worker can tell what it may retry by itself and the board can word it for staff.
 * Stages: `preview` (nothing was ordered), `place` (the create call), `check` (Ferry's own checks).
 */
export type FailureStage = 'preview' | 'place' | 'check';

export type Failure = { stage: FailureStage; code: string; message: string };

/** The create call may have reached the upstream: an order may exist there. */
export const OUTCOME_UNKNOWN = 'outcome_unknown';

/** The worker retries by itself only failures before anything was sent for creation. */
export const MAX_AUTO_ATTEMPTS = 3;
const TRANSIENT = new Set(['rate_limited', 'unavailable', 'auth']);

export function describeFailure(stage: 'preview' | 'place', error: unknown, reference: string): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (stage === 'place') {
    // A rate limit or a refused signature is answered by the gateway before any order exists;
    // a timeout, a 5xx or a dropped connection may come after the order was made.
    const isRejectedAtGate = isSupplierError(error) && (error.code === 'rate_limited' || error.code === 'auth' || !error.isTransient);
    if (!isRejectedAtGate) {
      return { stage, code: OUTCOME_UNKNOWN, message: `outcome unknown — check 1688 for an order with outside id ${reference} before retrying (${message})` };
    }
  }
  return { stage, code: isSupplierError(error) ? error.code : 'error', message };
}

export function formatFailure(failure: Failure): string {
  return `${failure.stage}:${failure.code}: ${failure.message}`.slice(0, 500);
}

export function parseFailure(lastError: string | null): Failure | null {
  const match = lastError ? /^(preview|place|check):([a-z_]+): ([\s\S]*)$/.exec(lastError) : null;
  return match ? { stage: match[1] as FailureStage, code: match[2]!, message: match[3]! } : null;
}

/** Transient trouble before placing (a busy or rate-limiting upstream), fewer than 3 attempts so far. */
export function isAutoRetryable(lastError: string | null, attempts: number): boolean {
  const failure = parseFailure(lastError);
  return failure !== null && failure.stage === 'preview' && TRANSIENT.has(failure.code) && attempts < MAX_AUTO_ATTEMPTS;
}

/** Backoff before the worker's next attempt: 30 s, 2 min, 8 min. */
export function retryDelayMs(attempts: number): number {
  return 30_000 * 4 ** Math.max(0, attempts - 1);
}
