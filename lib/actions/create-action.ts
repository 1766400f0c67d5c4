import 'server-only';
import { randomUUID } from 'node:crypto';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/session';
import { can, type Permission } from '@/lib/auth/permissions';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { AppError, isAppError, serviceUnavailable } from '@/lib/errors';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import type { ActionError, ActionResult, ActionState } from './result';

/**
 * The action chain's machinery, with its session lookup injected (the tests give it users of any
 * role). Application code imports `action` from '@/lib/actions', whose comment shows its use.
 */

export type ActionAuth<I> =
  | { public: true }
  | { user: true; signedOutRedirect?: (input: I) => string }
  | { permission: Permission | ((input: I) => Permission) };

export type ActionContext<A> = { user: A extends { public: true } ? null : CurrentUser };

export type ActionConfig<S extends z.ZodType, T, A extends ActionAuth<z.output<S>>> = {
  name: string;
  input: S;
  read?: (formData: FormData) => unknown;
  auth: A;
  rateLimit?: (input: z.output<S>) => Promise<boolean>;
  run: (input: z.output<S>, context: ActionContext<A>) => Promise<T>;
  revalidate?: (input: z.output<S>, data: T) => void;
  redirect?: (input: z.output<S>, data: T) => string;
  describe?: (error: AppError, locale: Locale) => string | Promise<string>;
  echo?: readonly string[];
};

export type ServerAction<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export type ActionDeps = {
  /** The signed-in user (re-read from the database), or null. */
  currentUser: () => Promise<CurrentUser | null>;
  log?: (line: string, error: unknown) => void;
};

const MAX_ECHO_LENGTH = 2000;

/** FormData as a plain object: each field once, a repeated name as an array; Next's `$ACTION…` fields left out. */
export function formObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [key, value] of formData) {
    if (key.startsWith('$ACTION')) continue;
    const previous = out[key];
    out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/**
 * The first issue per input, as `{ name: message }` (schemas' messages are message keys). Form inputs
 * have flat names, so a nested path (`address.postalCode`, `services.1`) is named by its last word.
 */
function fieldsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.findLast((part): part is string => typeof part === 'string') ?? '_form';
    out[name] ??= issue.message;
  }
  return out;
}

function fieldsFromDetails(details: Record<string, unknown> | undefined): Record<string, string> | undefined {
  const fields = details?.fieldErrors;
  if (!fields || typeof fields !== 'object') return undefined;
  const entries = Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** `details.reason` when it is a machine word (`exceeds_refundable`), never free text. */
function reasonFromDetails(details: Record<string, unknown> | undefined): string | undefined {
  const reason = details?.reason;
  return typeof reason === 'string' && /^[a-z][a-z0-9_]{0,47}$/.test(reason) ? reason : undefined;
}

function localeOf(formData: FormData): Locale {
  const value = formData.get('locale');
  return typeof value === 'string' && isLocale(value) ? value : defaultLocale;
}

function echoed(formData: FormData, names: readonly string[] | undefined): Record<string, string> | undefined {
  if (!names?.length) return undefined;
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === 'string') values[name] = value.slice(0, MAX_ECHO_LENGTH);
  }
  return values;
}

export function createAction(deps: ActionDeps) {
  const log = deps.log ?? ((line: string, error: unknown) => console.error(line, error));

  async function authorize<I, A extends ActionAuth<I>>(auth: A, input: I): Promise<ActionContext<A>> {
    if ('public' in auth) return { user: null } as ActionContext<A>;
    const user = await deps.currentUser();
    if (!user) {
      if ('user' in auth && auth.signedOutRedirect) redirect(auth.signedOutRedirect(input));
      throw new AppError('unauthorized', 'Sign in to continue');
    }
    if ('permission' in auth) {
      const permission = typeof auth.permission === 'function' ? auth.permission(input) : auth.permission;
      if (!can(user.role, permission)) throw new AppError('forbidden', 'You do not have access to this');
    }
    return { user } as ActionContext<A>;
  }

  /** An error as the safe answer: AppErrors by code and message, anything else `internal` with a logged request id. */
  async function refusal(name: string, error: unknown, locale: Locale, describe: ((error: AppError, locale: Locale) => string | Promise<string>) | undefined): Promise<ActionError> {
    let safe: AppError;
    let requestId: string | undefined;
    if (isAppError(error) && error.code !== 'internal') {
      safe = error;
    } else if (isDatabaseUnavailable(error)) {
      // The database restarting is "try again in a moment", not a bug to report by request id.
      log(`[action] ${name}: database unavailable:`, error instanceof Error ? error.message : error);
      safe = serviceUnavailable();
    } else {
      requestId = randomUUID();
      log(`[action] ${name} failed (request ${requestId}):`, error);
      safe = new AppError('internal', `Something went wrong on our side (request ${requestId}).`, { requestId });
    }
    let message = safe.message;
    if (describe) {
      try {
        message = await describe(safe, locale);
      } catch (wordingError) {
        log(`[action] ${name}: could not word a ${safe.code} refusal:`, wordingError);
      }
    }
    const fields = fieldsFromDetails(safe.details);
    const reason = reasonFromDetails(safe.details);
    return { code: safe.code, message, ...(fields ? { fields } : {}), ...(reason ? { reason } : {}), ...(requestId ? { requestId } : {}) };
  }

  return function action<S extends z.ZodType, T, A extends ActionAuth<z.output<S>>>(config: ActionConfig<S, T, A>): ServerAction<T> {
    return async (_previous, formData) => {
      let input: z.output<S>;
      let data: T;
      try {
        const parsed = config.input.safeParse((config.read ?? formObject)(formData));
        if (!parsed.success) {
          throw new AppError('validation_failed', 'Check the highlighted fields and try again', { fieldErrors: fieldsOf(parsed.error) });
        }
        input = parsed.data;
        const context = await authorize(config.auth, input);
        if (config.rateLimit && !(await config.rateLimit(input))) throw new AppError('rate_limited', 'Too many attempts; wait a little and try again');
        data = await config.run(input, context);
        config.revalidate?.(input, data);
      } catch (error) {
        unstable_rethrow(error);
        const refused = await refusal(config.name, error, localeOf(formData), config.describe);
        const values = echoed(formData, config.echo);
        return { ok: false, error: refused, ...(values ? { values } : {}), at: Date.now() } satisfies ActionResult<T>;
      }
      if (config.redirect) redirect(config.redirect(input, data));
      return { ok: true, data, at: Date.now() };
    };
  };
}
