import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { createPartnerKey, revokePartnerKey } from '@/lib/api/partner-keys';
import type { Database } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';

/** A partner key created from the admin: the key, then who created it in the audit trail (never the secret). */
export async function createPartnerKeyAsStaff(db: Database, actor: Actor, input: { name: string; rateLimit?: number }) {
  const created = await createPartnerKey(db, { name: input.name, rateLimit: input.rateLimit, createdBy: actor.label ?? null });
  await recordAudit(db, actor, 'partner_key.created', { type: 'partner_key', id: created.keyId }, { name: input.name.trim(), rateLimit: input.rateLimit ?? null });
  return created;
}

export async function revokePartnerKeyAsStaff(db: Database, actor: Actor, keyId: string): Promise<void> {
  if (!(await revokePartnerKey(db, keyId))) throw new AppError('not_found', 'No active key with this id');
  await recordAudit(db, actor, 'partner_key.revoked', { type: 'partner_key', id: keyId });
}
