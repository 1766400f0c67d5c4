import type http from 'node:http';

/**
 * Injected latency and timeouts. A "timeout" holds the request open without answering, as an
 * overloaded gateway does, until the client gives up or the sandbox closes.
 */
const HOLD_MS = 5 * 60_000;

export class Stalls {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly held = new Set<http.ServerResponse>();

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  hold(res: http.ServerResponse): void {
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      res.destroy();
    }, HOLD_MS);
    this.timers.add(timer);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const res of this.held) res.destroy();
    this.held.clear();
  }
}
