/**
 * Keyset cursors for the catalog walk, opaque to clients (base64url): a full walk resumes after
 * the last offer id it returned; a walk of changes resumes after the last (modification time,
 * offer id) pair. Keysets, unlike page numbers, neither skip nor repeat offers when the catalog
 * changes mid-walk: an offer changed again simply reappears later with its new time.
 */
export type WalkCursor = { kind: 'full'; afterId: number } | { kind: 'changed'; afterTime: number; afterId: number };

export function encodeCursor(cursor: WalkCursor): string {
  const text = cursor.kind === 'full' ? `f.${cursor.afterId}` : `c.${cursor.afterTime}.${cursor.afterId}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): WalkCursor | null {
  const plain = Buffer.from(text, 'base64url').toString('utf8');
  const full = /^f\.(\d{1,15})$/.exec(plain);
  if (full) return { kind: 'full', afterId: Number(full[1]) };
  const changed = /^c\.(\d{1,15})\.(\d{1,15})$/.exec(plain);
  if (changed) return { kind: 'changed', afterTime: Number(changed[1]), afterId: Number(changed[2]) };
  return null;
}

/** First position in [0, length) for which `isBefore` is false (`isBefore` must be monotone). */
export function lowerBound(length: number, isBefore: (position: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** (time, id) ordering of the walk of changes. */
export function compareKeys(timeA: number, idA: number, timeB: number, idB: number): number {
  return timeA - timeB || idA - idB;
}
