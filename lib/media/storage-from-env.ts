import 'server-only';
import { z } from 'zod';
import { EnvError } from '@/lib/env';
import { createLocalStorage } from './local-storage';
import { createS3Storage } from './s3-storage';
import type { MediaStorage } from './storage';

const modeSchema = z.object({
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
  // Same default as lib/env (README): the media route and the seed read the same folder.
  MEDIA_DIR: z.string().min(1).default('var/media'),
});

const s3Schema = z.object({
  S3_ENDPOINT: z.url({ message: 'must be the store URL, e.g. https://s3.eu-central-1.amazonaws.com' }),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (3–63 of a-z 0-9 . -)'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1, 'required when MEDIA_STORAGE=s3'),
  S3_SECRET_ACCESS_KEY: z.string().min(1, 'required when MEDIA_STORAGE=s3'),
  S3_PUBLIC_URL: z.url().optional(),
});

export type MediaStorageConfig =
  | { kind: 'local'; dir: string }
  | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; publicUrl?: string };

/** Reads the media-store settings; invalid or missing values fail with the variable's name. */
export function parseMediaStorageEnv(source: Record<string, string | undefined>): MediaStorageConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const mode = parse(modeSchema, cleaned);
  if (mode.MEDIA_STORAGE === 'local') return { kind: 'local', dir: mode.MEDIA_DIR };
  const s3 = parse(s3Schema, cleaned);
  return {
    kind: 's3',
    endpoint: s3.S3_ENDPOINT,
    bucket: s3.S3_BUCKET,
    region: s3.S3_REGION,
    accessKeyId: s3.S3_ACCESS_KEY_ID,
    secretAccessKey: s3.S3_SECRET_ACCESS_KEY,
    publicUrl: s3.S3_PUBLIC_URL,
  };
}

function parse<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.path.length && source[String(i.path[0])] === undefined ? 'required when MEDIA_STORAGE=s3' : i.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}

export function createMediaStorage(config: MediaStorageConfig): MediaStorage {
  return config.kind === 'local' ? createLocalStorage(config.dir) : createS3Storage(config);
}

let cached: MediaStorage | undefined;

/** The media store this deployment uses: local disk by default, S3-compatible with MEDIA_STORAGE=s3. */
export function mediaStorageFromEnv(): MediaStorage {
  cached ??= createMediaStorage(parseMediaStorageEnv(process.env));
  return cached;
}
