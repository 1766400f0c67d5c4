/**
 * Whether an error means the database could not be reached (down, restarting, connection lost or
 * refused, too many connections) rather than that a statement was wrong. Such errors are answered
 * 503 with Retry-After (lib/errors/http.ts) instead of 500, and a write that failed this way may
 * or may not have committed: callers that keep state outside MySQL treat its outcome as unknown.
 *
 * mysql2 marks connection-level failures `fatal: true` (network errors, a lost connection, a
 * command on a closed connection, a failed handshake); MariaDB's own "going away" replies are
 * ordinary error packets and are recognised by number. Drizzle wraps driver errors in `cause`.
 */
const UNAVAILABLE_ERRNOS = new Set([
  1040, // ER_CON_COUNT_ERROR: too many connections
  1053, // ER_SERVER_SHUTDOWN
  1077, // ER_NORMAL_SHUTDOWN
  1079, // ER_SHUTDOWN_COMPLETE
  1152, // ER_ABORTING_CONNECTION
  1317, // ER_QUERY_INTERRUPTED (a shutdown interrupts running statements)
  1927, // ER_CONNECTION_KILLED (MariaDB)
  2002, // CR_CONNECTION_ERROR
  2003, // CR_CONN_HOST_ERROR
  2006, // CR_SERVER_GONE_ERROR
  2013, // CR_SERVER_LOST
]);

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
]);

type DriverError = { cause?: unknown; errno?: unknown; code?: unknown; fatal?: unknown; message?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as DriverError | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as DriverError | undefined, depth++) {
    if (e.fatal === true) return true;
    if (typeof e.errno === 'number' && UNAVAILABLE_ERRNOS.has(e.errno)) return true;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    // The pool refuses work once ended (a shutting-down process): no code, only this message.
    if (e.message === 'Pool is closed.') return true;
  }
  return false;
}
