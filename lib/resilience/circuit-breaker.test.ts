import { describe, expect, it } from 'vitest';
import { CircuitOpenError, createCircuitBreaker, type BreakerState } from './circuit-breaker';
import { fakeClock } from './testing/fake-clock';

const fail = () => Promise.reject(new Error('503'));
const succeed = () => Promise.resolve('ok');

function setup(threshold = 3) {
  const c = fakeClock();
  const changes: BreakerState[] = [];
  const breaker = createCircuitBreaker({ failureThreshold: threshold, coolDownMs: 1000, clock: c.clock, onStateChange: (s) => changes.push(s) });
  return { c, breaker, changes };
}

describe('createCircuitBreaker', () => {
  it('opens after N consecutive failures, not before, and a success resets the count', async () => {
    const { breaker, changes } = setup(3);
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(fail)).rejects.toThrow();
    await breaker.run(succeed);
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe('open');
    expect(changes).toEqual(['open']);
    expect(() => breaker.acquireNow()).toThrow(CircuitOpenError);
  });

  it('makes callers wait out the cool-down, lets one probe through half-open, and closes on its success', async () => {
    const { c, breaker, changes } = setup(1);
    await expect(breaker.run(fail)).rejects.toThrow();
    let probeRelease!: () => void;
    const probeCalls: string[] = [];
    const probe = breaker.run(() => new Promise<string>((resolve) => (probeRelease = () => resolve('probe'))).then((v) => (probeCalls.push(v), v)));
    const follower = breaker.run(async () => (probeCalls.push('follower'), 'follower'));
    await c.advance(999);
    expect(breaker.state).toBe('open');
    expect(probeCalls).toEqual([]);
    await c.advance(1);
    expect(breaker.state).toBe('half_open');
    // The follower waits for the probe's outcome instead of going too.
    await c.flush();
    expect(probeCalls).toEqual([]);
    probeRelease();
    await expect(probe).resolves.toBe('probe');
    await expect(follower).resolves.toBe('follower');
    expect(probeCalls).toEqual(['probe', 'follower']);
    expect(changes).toEqual(['open', 'half_open', 'closed']);
  });

  it('re-opens with a longer cool-down when the probe fails', async () => {
    const { c, breaker, changes } = setup(1);
    await expect(breaker.run(fail)).rejects.toThrow();
    const probe = breaker.run(fail).catch((error: Error) => error.message);
    await c.advance(1000);
    await expect(probe).resolves.toBe('503');
    expect(breaker.state).toBe('open');
    expect(breaker.opens).toBe(2);
    // Doubled: still open after the first cool-down's length, probing after twice that.
    const next = breaker.run(succeed);
    await c.advance(1999);
    expect(breaker.state).toBe('open');
    await c.advance(1);
    await expect(next).resolves.toBe('ok');
    expect(changes).toEqual(['open', 'half_open', 'open', 'half_open', 'closed']);
  });

  it('does not count answers that are not failures (a 404 means the upstream is up)', async () => {
    const { breaker } = setup(2);
    const notFound = () => Promise.reject(Object.assign(new Error('not found'), { code: 'not_found' }));
    const isFailure = (e: unknown) => (e as { code?: string }).code !== 'not_found';
    for (let i = 0; i < 5; i++) await expect(breaker.run(notFound, { isFailure })).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('stops a waiting caller when its signal aborts', async () => {
    const { c, breaker } = setup(1);
    await expect(breaker.run(fail)).rejects.toThrow();
    const controller = new AbortController();
    const waiting = breaker.acquire(controller.signal);
    await c.flush();
    controller.abort();
    await expect(waiting).rejects.toThrow(/abort/i);
  });
});
