/** Refusal codes `admin.errors` words by name; any other code reads `admin.errors.generic`. */
export const wordedAdminErrorCodes: ReadonlySet<string> = new Set(['unauthorized', 'forbidden', 'not_found', 'validation_failed', 'invalid_transition', 'payment_unavailable', 'conflict']);
