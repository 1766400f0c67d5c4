import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies the documented demo defaults', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe('mysql://root@127.0.0.1:3306/ferry');
    expect(env.UPSTASH_REDIS_REST_URL).toBe('http://127.0.0.1:8079');
    expect(env.TRANSLATION_PROVIDER).toBe('offline');
  });

  it('names the invalid variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgres://x/y' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: 'not a url' })).toThrow(/UPSTASH_REDIS_REST_URL/);
    expect(() => parseEnv({ FX_PROVIDER: 'yahoo' })).toThrow(EnvError);
  });

  it('requires the settings a chosen provider needs', () => {
    expect(() => parseEnv({ TRANSLATION_PROVIDER: 'deepl' })).toThrow(/DEEPL_API_KEY/);
    expect(() => parseEnv({ TRANSLATION_PROVIDER: 'libretranslate' })).toThrow(/LIBRETRANSLATE_URL/);
    expect(parseEnv({ TRANSLATION_PROVIDER: 'deepl', DEEPL_API_KEY: 'k' }).DEEPL_API_KEY).toBe('k');
  });

  it('derives SITE_URL from PORT unless SITE_URL is given', () => {
    expect(parseEnv({}).SITE_URL).toBe('http://localhost:3000');
    expect(parseEnv({ PORT: '3456' })).toMatchObject({ PORT: 3456, SITE_URL: 'http://localhost:3456' });
    expect(parseEnv({ PORT: '3456', SITE_URL: 'https://shop.example.com' }).SITE_URL).toBe('https://shop.example.com');
    expect(parseEnv({ PORT: '3456', SITE_URL: '' }).SITE_URL).toBe('http://localhost:3456');
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('reaches 17TRACK through the local sandbox with the demo key unless told otherwise', () => {
    expect(parseEnv({})).toMatchObject({ TRACKING_17TRACK_BASE_URL: 'http://127.0.0.1:8087', TRACKING_17TRACK_KEY: 'ferry-demo-17track-key' });
    expect(parseEnv({ TRACKING_17TRACK_BASE_URL: 'https://api.17track.net', TRACKING_17TRACK_KEY: 'A1B2C3D4E5' })).toMatchObject({ TRACKING_17TRACK_BASE_URL: 'https://api.17track.net', TRACKING_17TRACK_KEY: 'A1B2C3D4E5' });
    expect(() => parseEnv({ TRACKING_17TRACK_BASE_URL: 'ftp://api.17track.net' })).toThrow(/TRACKING_17TRACK_BASE_URL/);
    expect(() => parseEnv({ TRACKING_17TRACK_KEY: 'short' })).toThrow(/TRACKING_17TRACK_KEY/);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ SITE_URL: '' }).SITE_URL).toBe('http://localhost:3000');
  });
});
