import { z } from 'zod';

/**
 * The sidecar written next to every dump (`<file>.json`): what restore checks before it touches a
 * database (the file is whole, it is a Ferry dump of a known schema) and after (row counts match).
 */
export const backupManifestSchema = z.object({
  format: z.literal('ferry-backup/1'),
  database: z.string(),
  createdAt: z.string(),
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The last applied migration, so an older Ferry does not load a newer schema unknowingly. */
  migration: z.string().nullable(),
  tables: z.record(z.string(), z.number().int().nonnegative()),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const manifestPathFor = (file: string) => `${file}.json`;
