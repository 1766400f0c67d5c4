import type { Database } from '@/db/client';

/** A Drizzle transaction or the database itself: functions taking one run inside the caller's transaction. */
export type Executor = Pick<Database, 'update' | 'select' | 'insert' | 'delete' | 'execute'>;
