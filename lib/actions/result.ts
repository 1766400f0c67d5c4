import type { AppErrorCode } from '@/lib/errors';

/**
 * What every server action answers its form (the one result shape; see `action()` in
 * ./create-action.ts). Safe to import from client components: types only.
 *
 * - `error.code`: an AppError code, `validation_failed` for input the schema refused, or
 *   `internal` (then `requestId` names the server log line; nothing else of the cause is sent).
 * - `error.message`: a sentence safe to show, in the user's language when the action words it.
 * - `error.fields`: per input, a message key the form translates (the schema's issue messages).
 * - `error.reason`: the refusal's machine word when the lib gave one (`details.reason`, e.g. a refund's
 *   `exceeds_refundable`), for forms and tests to tell refusals of one code apart.
 * - `values`: what was typed into the fields the action echoes (never passwords), so a refused form
 *   keeps its input with and without JavaScript.
 * - `at`: when the answer was made, so a form can tell a new answer from the previous one.
 */
export type ActionError = {
  code: AppErrorCode;
  message: string;
  fields?: Record<string, string>;
  reason?: string;
  requestId?: string;
};

export type ActionResult<T> = { ok: true; data: T; at: number } | { ok: false; error: ActionError; values?: Record<string, string>; at: number };

/** `null` before the form was first submitted (useActionState's initial state). */
export type ActionState<T> = ActionResult<T> | null;

/** The failure of a state, or null. */
export function failureOf<T>(state: ActionState<T>): Extract<ActionResult<T>, { ok: false }> | null {
  return state && !state.ok ? state : null;
}
