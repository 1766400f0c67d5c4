/** After this many failed attempts a delivery is dead: it stays on /admin/events until staff retry it. */
export const MAX_ATTEMPTS = 10;

const BASE_MS = 5_000;
const CAP_MS = 60 * 60_000;

/**
 * How long to wait after the `attempts`-th failure: 5 s, 10 s, 20 s … doubling up to an hour, each
 * drawn between half and all of that ("equal jitter"), so subscribers failing together (a mail
 * server down) do not all come back in the same second.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
