import 'server-only';
import { and, desc, eq, exists } from 'drizzle-orm';
import { reconciliationItems, reconciliationRuns } from '@/db/schema';
import type { Database } from '@/lib/db';

/** Runs that raised the alert and still have an open item: the admin banner shows them until explained. */
export async function openReconciliationAlerts(db: Database): Promise<{ id: number; day: string; mismatchRate: string }[]> {
  return db
    .select({ id: reconciliationRuns.id, day: reconciliationRuns.day, mismatchRate: reconciliationRuns.mismatchRate })
    .from(reconciliationRuns)
    .where(
      and(
        eq(reconciliationRuns.isAlert, 1),
        eq(reconciliationRuns.status, 'done'),
        exists(db.select({ one: reconciliationItems.id }).from(reconciliationItems).where(and(eq(reconciliationItems.runId, reconciliationRuns.id), eq(reconciliationItems.status, 'open')))),
      ),
    )
    .orderBy(desc(reconciliationRuns.day))
    .limit(5);
}
