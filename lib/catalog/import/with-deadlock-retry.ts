/** MariaDB/MySQL errors that mean "try the same transaction again": deadlock victim, lock wait timeout. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export function isLockConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (RETRYABLE.has((e as { code?: string }).code ?? '')) return true;
  }
  return false;
}

/**
 * Runs an idempotent transaction again when InnoDB picked it as a deadlock victim. Pages imported
 * side by side share sellers (and index pages), so an occasional deadlock is normal; the whole
 * import is idempotent, so running it again is the fix.
 */
export async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isLockConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
