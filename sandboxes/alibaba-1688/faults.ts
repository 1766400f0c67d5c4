/**
 * Trouble on demand for the 1688 paths (never the control API): added latency, 5xx errors,
 * timeouts (the socket is held without an answer), ACL refusals, and a deterministic
 * "fail the next N calls". `apis` narrows every effect to those API names; without it they hit
 * every API call but not token refreshes ("getToken") or CDN images ("img"), which have to be
 * named to be affected.
 */
export type FaultKind = 'error' | 'timeout' | 'refuse';
export type FaultScope = 'api' | 'getToken' | 'img';

export type FaultSettings = {
  latencyMs: number;
  errorRate: number;
  timeoutRate: number;
  refuseRate: number;
  /** Calls per second per app while set; null keeps the configured rate. */
  rate: number | null;
  apis: string[] | null;
  failNext: number;
  failWith: FaultKind;
  /** Sends every push twice, the second copy after a random delay. */
  duplicatePushes: boolean;
};

export type FaultDecision = { latencyMs: number; outcome: 'pass' | FaultKind };

export const noFaults: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0, errorRate: 0, timeoutRate: 0, refuseRate: 0, rate: null, apis: null, failNext: 0, failWith: 'error', duplicatePushes: false,
});

export class FaultError extends Error {}

const rate = (name: string, value: unknown): number => {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new FaultError(`${name} must be a number in [0, 1]`);
  return value;
};

/** Validates a partial settings object from the control API, on top of `base`. */
export function mergeFaults(base: Readonly<FaultSettings>, input: unknown): FaultSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultError('faults must be a JSON object');
  const next: FaultSettings = { ...base, apis: base.apis ? [...base.apis] : null };
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'latencyMs':
      case 'failNext':
        if (!Number.isInteger(value) || (value as number) < 0) throw new FaultError(`${key} must be a non-negative integer`);
        next[key] = value as number;
        break;
      case 'errorRate':
      case 'timeoutRate':
      case 'refuseRate':
        next[key] = rate(key, value);
        break;
      case 'rate':
        if (value !== null && (typeof value !== 'number' || !(value > 0))) throw new FaultError('rate must be a positive number or null');
        next.rate = value as number | null;
        break;
      case 'apis':
        if (value !== null && !(Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0))) throw new FaultError('apis must be a list of API names or null');
        next.apis = value as string[] | null;
        break;
      case 'failWith':
        if (value !== 'error' && value !== 'timeout' && value !== 'refuse') throw new FaultError('failWith must be error, timeout or refuse');
        next.failWith = value;
        break;
      case 'duplicatePushes':
        if (typeof value !== 'boolean') throw new FaultError('duplicatePushes must be a boolean');
        next.duplicatePushes = value;
        break;
      default:
        throw new FaultError(`unknown fault setting: ${key}`);
    }
  }
  if (next.errorRate + next.timeoutRate + next.refuseRate > 1) throw new FaultError('errorRate + timeoutRate + refuseRate must not exceed 1');
  return next;
}

export class Faults {
  private current: FaultSettings = { ...noFaults };

  get settings(): Readonly<FaultSettings> {
    return this.current;
  }

  update(input: unknown): Readonly<FaultSettings> {
    this.current = mergeFaults(this.current, input);
    return this.current;
  }

  reset(): void {
    this.current = { ...noFaults };
  }

  /** What happens to one call of `api`; consumes one of `failNext` when it applies. */
  decide(api: string, scope: FaultScope, random: () => number = Math.random): FaultDecision {
    const s = this.current;
    const applies = s.apis ? s.apis.includes(api) || s.apis.includes(scope) : scope === 'api';
    if (!applies) return { latencyMs: 0, outcome: 'pass' };
    if (s.failNext > 0) {
      s.failNext -= 1;
      return { latencyMs: s.latencyMs, outcome: s.failWith };
    }
    const r = random();
    if (r < s.errorRate) return { latencyMs: s.latencyMs, outcome: 'error' };
    if (r < s.errorRate + s.timeoutRate) return { latencyMs: s.latencyMs, outcome: 'timeout' };
    if (r < s.errorRate + s.timeoutRate + s.refuseRate) return { latencyMs: s.latencyMs, outcome: 'refuse' };
    return { latencyMs: s.latencyMs, outcome: 'pass' };
  }
}
