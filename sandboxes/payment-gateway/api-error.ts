/**
 * An error in Stripe's wire shape (`{"error":{"type","message","code","param"}}`); the SDK picks its
 * error class from the status code and these fields, so they must match what Stripe sends.
 */
export type ApiErrorType = 'invalid_request_error' | 'api_error' | 'idempotency_error' | 'card_error';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toJSON(): { error: Record<string, string> } {
    const error: Record<string, string> = { type: this.type, message: this.message };
    if (this.code) error.code = this.code;
    if (this.param) error.param = this.param;
    return { error };
  }
}

export const invalidParam = (param: string, message: string, code = 'parameter_invalid_string') =>
  new ApiError(400, 'invalid_request_error', message, code, param);

export const missingParam = (param: string) =>
  new ApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, 'parameter_missing', param);

export const unknownParam = (param: string) =>
  new ApiError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, 'parameter_unknown', param);

export const noSuch = (object: string, id: string) =>
  new ApiError(404, 'invalid_request_error', `No such ${object}: '${id}'`, 'resource_missing', 'id');

export const unexpectedState = (message: string) =>
  new ApiError(400, 'invalid_request_error', message, 'payment_intent_unexpected_state');
