import { databaseFor } from '@/db/client';
import { createPartnerKey, listPartnerKeys, MAX_RATE_LIMIT, revokePartnerKey } from '@/lib/api/partner-keys';
import { getEnv } from '@/lib/env';
import { CliError, usage } from '../errors';
import type { Command } from './index';

export const partnerKeyCreate: Command = {
  name: 'partner-key create',
  description: 'Create an open API key; prints {"keyId","secret"} (the secret is shown only this once)',
  options: { name: { type: 'string' }, 'rate-limit': { type: 'string' } },
  async run(values) {
    const name = typeof values.name === 'string' ? values.name.trim() : '';
    if (name.length < 1 || name.length > 120) usage('partner-key create: --name <name> is required (1–120 characters)');
    const rawLimit = values['rate-limit'];
    let rateLimit: number | undefined;
    if (rawLimit !== undefined) {
      rateLimit = typeof rawLimit === 'string' && /^\d{1,6}$/.test(rawLimit) ? Number(rawLimit) : NaN;
      if (!(rateLimit >= 1 && rateLimit <= MAX_RATE_LIMIT)) usage(`partner-key create: --rate-limit must be a whole number from 1 to ${MAX_RATE_LIMIT}`);
    }
    const { keyId, secret } = await createPartnerKey(databaseFor(getEnv().DATABASE_URL), { name, rateLimit, createdBy: 'cli' });
    return { keyId, secret };
  },
};

export const partnerKeyList: Command = {
  name: 'partner-key list',
  description: 'List open API keys (never their secrets)',
  async run() {
    return listPartnerKeys(databaseFor(getEnv().DATABASE_URL));
  },
};

export const partnerKeyRevoke: Command = {
  name: 'partner-key revoke',
  description: 'Revoke an open API key: its requests are refused from now on',
  options: { key: { type: 'string' } },
  async run(values) {
    const keyId = typeof values.key === 'string' ? values.key.trim() : '';
    if (!keyId) usage('partner-key revoke: --key <keyId> is required');
    if (!(await revokePartnerKey(databaseFor(getEnv().DATABASE_URL), keyId))) throw new CliError(`no active key ${keyId}`);
    return { keyId, revoked: true };
  },
};
