import { describe, expect, it } from 'vitest';
import { createMediaStorage, parseMediaStorageEnv } from './storage-from-env';

const s3Env = {
  MEDIA_STORAGE: 's3',
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_BUCKET: 'ferry-media',
  S3_ACCESS_KEY_ID: 'AKIAFERRY',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('parseMediaStorageEnv', () => {
  it('defaults to local disk under var/media', () => {
    expect(parseMediaStorageEnv({})).toEqual({ kind: 'local', dir: 'var/media' });
    expect(parseMediaStorageEnv({ MEDIA_DIR: '/srv/media', S3_BUCKET: 'ignored' })).toEqual({ kind: 'local', dir: '/srv/media' });
  });

  it('selects S3 with a default region, and a public URL when given', () => {
    expect(parseMediaStorageEnv(s3Env)).toMatchObject({ kind: 's3', endpoint: 'http://127.0.0.1:9000', bucket: 'ferry-media', region: 'us-east-1', publicUrl: undefined });
    const config = parseMediaStorageEnv({ ...s3Env, S3_REGION: 'eu-central-1', S3_PUBLIC_URL: 'https://cdn.example/media/' });
    expect(config).toMatchObject({ region: 'eu-central-1' });
    const key = 'ab'.repeat(16);
    expect(createMediaStorage(config).url?.(key, 200)).toBe(`https://cdn.example/media/ab/${key}-200.webp`);
    expect(createMediaStorage(parseMediaStorageEnv(s3Env)).url).toBeUndefined();
  });

  it('names each missing or invalid variable', () => {
    expect(() => parseMediaStorageEnv({ MEDIA_STORAGE: 's3' })).toThrow(/S3_ENDPOINT: required when MEDIA_STORAGE=s3[\s\S]*S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/);
    expect(() => parseMediaStorageEnv({ ...s3Env, S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_SECRET_ACCESS_KEY: required/);
    expect(() => parseMediaStorageEnv({ ...s3Env, S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET: must be a bucket name/);
    expect(() => parseMediaStorageEnv({ ...s3Env, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT: must be the store URL/);
    expect(() => parseMediaStorageEnv({ MEDIA_STORAGE: 'ftp' })).toThrow(/MEDIA_STORAGE:/);
  });
});
