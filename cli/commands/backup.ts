import path from 'node:path';
import { createBackup } from '@/lib/backup/create-backup';
import { restoreBackup } from '@/lib/backup/restore-backup';
import { getEnv } from '@/lib/env';
import { getRedis } from '@/lib/redis';
import { CliError, usage } from '../errors';
import type { Command } from './index';

export const backupCreate: Command = {
  name: 'backup create',
  description: 'Dump the database to <dir>/ferry-<db>-<time>.sql.gz with a checksummed manifest; prints the manifest',
  options: { dir: { type: 'string' }, file: { type: 'string' } },
  async run(values) {
    const dir = typeof values.dir === 'string' ? values.dir : (process.env.BACKUP_DIR ?? 'var/backups');
    const file = typeof values.file === 'string' ? values.file : undefined;
    if (file !== undefined && (path.basename(file) !== file || !file.endsWith('.sql.gz'))) usage('backup create: --file must be a plain file name ending in .sql.gz');
    return createBackup(getEnv().DATABASE_URL, { dir, file });
  },
};

export const backupRestore: Command = {
  name: 'backup restore',
  description: 'Restore a backup made by "backup create" into DATABASE_URL (--force replaces a database that holds tables)',
  options: { file: { type: 'string' }, force: { type: 'boolean' } },
  async run(values) {
    if (typeof values.file !== 'string' || values.file.trim() === '') usage('backup restore: --file <path to .sql.gz> is required');
    const result = await restoreBackup(getEnv().DATABASE_URL, getRedis(), { file: values.file, force: values.force === true });
    if (result.mismatches.length > 0) throw new CliError(`restored, but row counts differ from the backup: ${result.mismatches.join('; ')}`);
    return result;
  },
};
