/** Walks drizzle's wrapping (`cause`) down to the driver error and tests its errno. */
function hasErrno(error: unknown, codes: readonly number[]): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (codes.includes((e as { errno?: unknown }).errno as number)) return true;
  }
  return false;
}

/** A deadlock (1213) or lock wait timeout (1205): InnoDB rolled the transaction back; running it again is the fix. */
export const isLockConflict = (error: unknown) => hasErrno(error, [1213, 1205]);

/** A unique index refused the row (1062). */
export const isDuplicateKey = (error: unknown) => hasErrno(error, [1062]);

/**
 * Runs an idempotent transaction again when InnoDB picked it as a deadlock victim (pages imported
 * side by side share sellers; a staff refund meets the gateway's refund webhook on the same order).
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
