import { failureOf, type ActionState } from '@/lib/actions/result';

/**
 * The sentence an account form shows above its inputs: the refusal's message when no input of the
 * form shows it (a refusal of the whole form, or a field the form keeps hidden such as a token);
 * otherwise the inputs' own errors (message keys in `fieldErrors` of the answer) speak.
 */
export function formMessage(state: ActionState<unknown>, shownFields: readonly string[]): string | null {
  const failure = failureOf(state);
  if (!failure) return null;
  const fields = Object.keys(failure.error.fields ?? {});
  return fields.length > 0 && fields.every((field) => shownFields.includes(field)) ? null : failure.error.message;
}

/** The message key of one input's error, if the last answer refused it. */
export function fieldError(state: ActionState<unknown>, field: string): string | undefined {
  return failureOf(state)?.error.fields?.[field];
}

/** What was typed into an input before a refused submit (the action echoes it). */
export function typedValue(state: ActionState<unknown>, field: string): string | undefined {
  return failureOf(state)?.values?.[field];
}
