/**
 * The one error type that may reach a user: a stable code, a message safe to show, and the HTTP
 * status it maps to. Anything else (database, vendor, bug) is reported as a generic `internal`
 * error with a request id; its details stay in the server log.
 */
export const appErrorStatus = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  out_of_stock: 409,
  invalid_transition: 409,
  prices_moved: 409,
  /** A parcel names items that are not the owner's, not accepted, or already in another parcel. */
  items_unavailable: 409,
  /** The chosen shipping line cannot take the parcel (destination, goods, weight, size): `details.reason` names why. */
  line_unavailable: 422,
  /** The account (or partner key) already has as many unpaid orders, or held units, as the agent allows. */
  too_many_unpaid_orders: 409,
  too_many_held_units: 409,
  /** The wallet's balance in that currency does not cover the spend. */
  insufficient_funds: 409,
  idempotency_mismatch: 422,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  rate_limited: 429,
  payment_unavailable: 503,
  unavailable: 503,
  /** A dependency (the database) cannot be reached right now: retry after `RETRY_AFTER_SECONDS`. */
  service_unavailable: 503,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return appErrorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What a 503 tells clients to wait before retrying (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

export function serviceUnavailable(): AppError {
  return new AppError('service_unavailable', 'The service is temporarily unavailable; retry shortly', { retryAfterSeconds: RETRY_AFTER_SECONDS });
}
