/** What the sandbox's 17TRACK API saw, for tests and the demo (`GET /_control/stats`). */
export class ApiStats {
  calls: Record<string, number> = {};
  accepted = 0;
  rejected = 0;
  unauthorized = 0;
  rateLimited = 0;
  badRequests = 0;

  call(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }

  reset(): void {
    this.calls = {};
    this.accepted = 0;
    this.rejected = 0;
    this.unauthorized = 0;
    this.rateLimited = 0;
    this.badRequests = 0;
  }

  toJSON(): Record<string, unknown> {
    const { calls, accepted, rejected, unauthorized, rateLimited, badRequests } = this;
    return { calls: { ...calls }, accepted, rejected, unauthorized, rateLimited, badRequests };
  }
}
