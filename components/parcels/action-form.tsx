'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions';

/**
 * A form posting to one server action of the action chain, showing the action's refusal (its safe
 * message) above the fields. Works without JavaScript (the action redirects or re-renders).
 */
export function ActionForm<T>({ action, children, className, testId }: { action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>; children: ReactNode; className?: string; testId?: string }) {
  const [state, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} className={className} data-testid={testId} aria-busy={isPending}>
      {state && !state.ok && (
        <p role="alert" className="form-error" data-testid="action-error">
          {state.error.message}
        </p>
      )}
      {children}
    </form>
  );
}
