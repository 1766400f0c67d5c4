/**
 * What an account form's server action answers. Errors are message keys: `fieldErrors` per input
 * (namespace `formErrors`, or `addressErrors` for address fields), `formError` for the whole form
 * (namespace `formErrors`). `values` echoes what was typed (never passwords) so a form that failed
 * validation keeps its input.
 */
export type FormState = {
  ok: boolean;
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };
