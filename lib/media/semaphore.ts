export type Semaphore = {
  /** Waits for a free slot; call the returned function exactly once to give it back. */
  acquire(): Promise<() => void>;
  /** Slots in use now, and the most ever in use at once (the bench and tests read it). */
  readonly active: number;
  readonly peak: number;
};

/**
 * A counting semaphore with a FIFO wait queue: the one cap on simultaneous downloads, shared by
 * every caller of a fetcher, however many workers call it.
 */
export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  let active = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];

  const grant = (): (() => void) => {
    active += 1;
    peak = Math.max(peak, active);
    let released = false;
    return () => {
      // A double release would silently raise the cap; ignore it instead.
      if (released) return;
      released = true;
      active -= 1;
      const next = waiting.shift();
      if (next) next();
    };
  };

  return {
    get active() {
      return active;
    },
    get peak() {
      return peak;
    },
    acquire() {
      if (active < limit) return Promise.resolve(grant());
      return new Promise((resolve) => waiting.push(() => resolve(grant())));
    },
  };
}
