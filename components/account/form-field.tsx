import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

type Common = { name: string; label: string; error?: string; hint?: ReactNode; id?: string };

/** ids of the hint and the error, for aria-describedby (screen readers read both with the input). */
function describedBy(id: string, hint: unknown, error: unknown) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Messages({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled input whose hint and error are linked with aria-describedby. */
export function Field({ name, label, error, hint, id = `field-${name}`, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const ids = describedBy(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
      <Messages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  id = `field-${name}`,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const ids = describedBy(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
        {children}
      </select>
      <Messages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

/** The form-level message: an error is announced at once (role=alert), a notice politely (role=status). */
export function FormMessage({ kind, children }: { kind: 'error' | 'notice'; children: ReactNode }) {
  return kind === 'error' ? (
    <p role="alert" className="form-error">
      {children}
    </p>
  ) : (
    <p role="status" className="form-notice">
      {children}
    </p>
  );
}
