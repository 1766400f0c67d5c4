import type { Clock } from '../clock';

/**
 * A manual clock for tests: `sleep` parks until `advance` moves time past its deadline, so a
 * test of backoff or a breaker's cool-down runs in microseconds and asserts exact waits.
 */
export function fakeClock() {
  let t = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => t,
    sleep(ms) {
      sleeps.push(ms);
      return new Promise((resolve) => timers.push({ at: t + ms, resolve }));
    },
  };
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  const advance = async (ms: number) => {
    t += ms;
    for (const timer of timers.filter((x) => x.at <= t + 1e-9)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.resolve();
    }
    await flush();
  };
  /** A clock whose sleeps pass at once (time jumps): for a single caller running as fast as allowed. */
  const instant: Clock = {
    now: () => t,
    async sleep(ms) {
      sleeps.push(ms);
      t += ms;
    },
  };
  return { clock, instant, sleeps, advance, flush, now: () => t, pending: () => timers.length };
}
