/**
 * The in-process stand-in for the Redis limiter: the same sliding-window rules, counted per
 * process. It is fed on every check, so when Redis stops answering it already knows this process's
 * recent attempts. The algorithm is @upstash/ratelimit's sliding window (this window's count plus
 * the previous one's, weighted by how much of it still overlaps), so both refuse at the same count.
 * Small enough to keep here; rate-limiter-flexible's memory store is a fixed window and would
 * admit twice the limit across a window edge.
 */
export type MemoryRule = { limit: number; windowMs: number };

type Counter = { windowStart: number; current: number; previous: number };

/** Identifiers kept per rule; the least recently seen are dropped first beyond it. */
const MAX_IDENTIFIERS = 50_000;

export function createMemoryWindow(rule: MemoryRule, now: () => number = Date.now) {
  const counters = new Map<string, Counter>();

  function counterFor(identifier: string, at: number): Counter {
    const windowStart = at - (at % rule.windowMs);
    const known = counters.get(identifier);
    let counter: Counter;
    if (!known || known.windowStart < windowStart - rule.windowMs) counter = { windowStart, current: 0, previous: 0 };
    else if (known.windowStart < windowStart) counter = { windowStart, current: 0, previous: known.current };
    else counter = known;
    // Re-inserting moves the identifier to the end: Map order is then least recently seen first.
    counters.delete(identifier);
    counters.set(identifier, counter);
    if (counters.size > MAX_IDENTIFIERS) counters.delete(counters.keys().next().value!);
    return counter;
  }

  return {
    /** Counts one attempt; true when it is within the limit. */
    hit(identifier: string): boolean {
      const at = now();
      const counter = counterFor(identifier, at);
      const overlap = 1 - (at - counter.windowStart) / rule.windowMs;
      const used = Math.floor(counter.previous * overlap) + counter.current;
      if (used >= rule.limit) return false;
      counter.current += 1;
      return true;
    },
  };
}

/** '15 m', '1 h', '30 s', '500 ms', '1 d' (the Duration strings of @upstash/ratelimit) in milliseconds. */
export function durationMs(duration: string): number {
  const match = /^(\d+)\s?(ms|s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`unreadable duration: ${duration}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
