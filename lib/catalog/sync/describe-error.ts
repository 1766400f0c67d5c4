import { isSupplierError } from '@/lib/suppliers/types';

/**
 * One short line for `sync_runs.last_error`, `sync_failures.error` and the CLI. Drizzle wraps
 * driver errors with the whole statement in the message (a multi-row insert is megabytes), so
 * the driver's own message is used when there is one.
 */
export function describeError(error: unknown, max = 500): string {
  let text: string;
  if (isSupplierError(error)) text = `${error.code}: ${error.message}`;
  else if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const inner = cause instanceof Error && /^Failed query/.test(error.message) ? cause : error;
    const code = (inner as { code?: unknown }).code;
    text = typeof code === 'string' && !inner.message.includes(code) ? `${code}: ${inner.message}` : inner.message;
  } else text = String(error);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
