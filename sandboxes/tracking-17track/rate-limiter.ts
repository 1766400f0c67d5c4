/**
 * 17TRACK's per-key call rate (about 3 calls a second): a token bucket holding one second's
 * calls (at least one). A rate of 0 switches it off.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perSecond;
    this.last = now();
  }

  get rate(): number {
    return this.perSecond;
  }

  setRate(perSecond: number): void {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.last = this.now();
  }

  tryTake(): boolean {
    if (this.perSecond <= 0) return true;
    const now = this.now();
    this.tokens = Math.min(Math.max(1, this.perSecond), this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
