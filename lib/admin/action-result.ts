import 'server-only';
import { randomUUID } from 'node:crypto';
import { isAppError, type AppErrorCode } from '@/lib/errors';

/**
 * What an admin server action answers a form: success with data, or an error code the page
 * words in the staff member's language. Errors that are not AppErrors never reach the browser:
 * they are logged under a request id and reported as `internal` with that id.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; at: number }
  /** `fields`: the form fields at fault (an AppError's `details.fields`), so the form marks each one. */
  | { ok: false; code: AppErrorCode; requestId?: string; fields?: string[]; at: number }
  | null;

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data, at: Date.now() };
}

export function actionError(error: unknown, where: string): ActionResult<never> {
  if (isAppError(error)) {
    const fields = error.details?.fields;
    const named = Array.isArray(fields) && fields.every((f) => typeof f === 'string') ? { fields: fields as string[] } : {};
    return { ok: false, code: error.code, ...named, at: Date.now() };
  }
  const requestId = randomUUID();
  console.error(`[admin] ${where} failed (request ${requestId}):`, error);
  return { ok: false, code: 'internal', requestId, at: Date.now() };
}
