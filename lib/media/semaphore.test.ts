import { describe, expect, it } from 'vitest';
import { createSemaphore } from './semaphore';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createSemaphore', () => {
  it('never lets more than the limit in, and hands freed slots out in arrival order', async () => {
    const sem = createSemaphore(2);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    for (let i = 0; i < 5; i += 1) {
      void sem.acquire().then((release) => {
        order.push(i);
        releases.push(release);
      });
    }
    await tick();
    expect(order).toEqual([0, 1]);
    expect(sem.active).toBe(2);
    releases[0]!();
    await tick();
    expect(order).toEqual([0, 1, 2]);
    releases[1]!();
    releases[2]!();
    await tick();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(sem.peak).toBe(2);
  });

  it('ignores a second release of the same slot', async () => {
    const sem = createSemaphore(1);
    const release = await sem.acquire();
    release();
    release();
    expect(sem.active).toBe(0);
    await sem.acquire();
    let second = false;
    void sem.acquire().then(() => (second = true));
    await tick();
    expect(second).toBe(false);
  });

  it('rejects a limit below one', () => {
    expect(() => createSemaphore(0)).toThrow(/positive integer/);
    expect(() => createSemaphore(1.5)).toThrow(/positive integer/);
  });
});
