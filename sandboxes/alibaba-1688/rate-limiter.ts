/**
 * 1688 meters calls per app: a token bucket per app key holding at most one second's worth of
 * calls, refilled continuously. Over the limit the gateway answers `gw.QosAppFrequencyLimit`.
 */
type Bucket = { tokens: number; at: number };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private ratePerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.setRate(ratePerSecond);
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  setRate(ratePerSecond: number): void {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) throw new RangeError(`rate must be a positive number (got ${ratePerSecond})`);
    this.ratePerSecond = ratePerSecond;
    // A new rate starts from a full bucket so tests see its effect at once.
    this.buckets.clear();
  }

  /** Takes one call from `key`'s bucket; false when the bucket is empty. */
  take(key: string): boolean {
    const capacity = Math.max(1, this.ratePerSecond);
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
