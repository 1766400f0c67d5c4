/** Walks drizzle's wrapping (`cause`) down to the driver error and tests its errno. */
function hasErrno(error: unknown, codes: readonly number[]): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if (codes.includes((e as { errno?: unknown }).errno as number)) return true;
  }
  return false;
}

/** A deadlock or lock wait timeout: the transaction was rolled back; another worker got there first. */
export const isLockConflict = (error: unknown) => hasErrno(error, [1213, 1205]);

/** A unique index refused the row. */
export const isDuplicateKey = (error: unknown) => hasErrno(error, [1062]);
