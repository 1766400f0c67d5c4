import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reconciliationItems } from '@/db/schema';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import type { Database } from '@/lib/db';

/**
 * Finance explains one difference with a note (a refund made by hand at the gateway, a fee
 * adjustment…): the item leaves the open ones, and once none of a run's items is open its alert
 * banner goes away. Compare-and-set on `open`, audited in the same transaction; false when the item
 * was already explained (or does not exist).
 */
export async function explainReconciliationItem(db: Database, input: { itemId: number; note: string; userId: number; actor: Actor }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [result] = await tx
      .update(reconciliationItems)
      .set({ status: 'explained', note: input.note, explainedBy: input.userId, explainedAt: new Date() })
      .where(and(eq(reconciliationItems.id, input.itemId), eq(reconciliationItems.status, 'open')));
    if (result.affectedRows !== 1) return false;
    const [item] = await tx.select({ runId: reconciliationItems.runId, kind: reconciliationItems.kind, itemKey: reconciliationItems.itemKey }).from(reconciliationItems).where(eq(reconciliationItems.id, input.itemId));
    await recordAudit(tx, input.actor, 'reconciliation.item_explained', { type: 'reconciliation_item', id: input.itemId }, { runId: item?.runId, kind: item?.kind, key: item?.itemKey, note: input.note });
    return true;
  });
}
