/** What `GET /__sandbox/stats` reports: calls per API and what the sandbox did to them. */
export class SandboxStats {
  calls: Record<string, number> = {};
  errorsInjected = 0;
  timeoutsInjected = 0;
  refusalsInjected = 0;
  rateLimited = 0;
  gatewayErrors: Record<string, number> = {};

  call(api: string): void {
    this.calls[api] = (this.calls[api] ?? 0) + 1;
  }

  gatewayError(code: string): void {
    this.gatewayErrors[code] = (this.gatewayErrors[code] ?? 0) + 1;
  }

  reset(): void {
    this.calls = {};
    this.errorsInjected = 0;
    this.timeoutsInjected = 0;
    this.refusalsInjected = 0;
    this.rateLimited = 0;
    this.gatewayErrors = {};
  }

  toJSON(): Record<string, unknown> {
    const { calls, errorsInjected, timeoutsInjected, refusalsInjected, rateLimited, gatewayErrors } = this;
    return { calls, errorsInjected, timeoutsInjected, refusalsInjected, rateLimited, gatewayErrors };
  }
}
