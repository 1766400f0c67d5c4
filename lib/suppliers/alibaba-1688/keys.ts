import 'server-only';
import { z } from 'zod';
import { demoSecretValues } from '@/lib/demo-secrets';
import { SupplierError } from '../types';

/**
 * The 1688 connector's settings, validated on their own (Ferry's other settings never block it).
 * Defaults are the documented demo values, pointing at the local sandbox
 * (`sandboxes/alibaba-1688`); production sets the real gateway `https://gw.open.1688.com`.
 */
const schema = z.object({
  ALIBABA_1688_APP_KEY: z.string().regex(/^\d{4,20}$/, 'must be the numeric app key').default('8068168'),
  ALIBABA_1688_APP_SECRET: z.string().min(8).default(demoSecretValues.ALIBABA_1688_APP_SECRET),
  ALIBABA_1688_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8085'),
  ALIBABA_1688_REFRESH_TOKEN: z.string().min(8).default(demoSecretValues.ALIBABA_1688_REFRESH_TOKEN),
  ALIBABA_1688_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  /** When set, `https://cbu01.alicdn.com/…` images are fetched from this base instead (the sandbox's demo CDN). */
  ALIBABA_1688_CDN_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type Alibaba1688Keys = {
  appKey: string;
  appSecret: string;
  baseUrl: string;
  refreshToken: string;
  timeoutMs: number;
  cdnUrl: string | null;
};

export function alibaba1688Keys(env: Record<string, string | undefined> = process.env): Alibaba1688Keys {
  // Empty strings mean "unset", as they do in .env files.
  const present = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'ALIBABA_1688_*');
    throw new SupplierError('not_configured', `${name} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  return {
    appKey: e.ALIBABA_1688_APP_KEY,
    appSecret: e.ALIBABA_1688_APP_SECRET,
    baseUrl: e.ALIBABA_1688_BASE_URL.replace(/\/+$/, ''),
    refreshToken: e.ALIBABA_1688_REFRESH_TOKEN,
    timeoutMs: e.ALIBABA_1688_TIMEOUT_MS,
    cdnUrl: e.ALIBABA_1688_CDN_URL ? e.ALIBABA_1688_CDN_URL.replace(/\/+$/, '') : null,
  };
}

const CDN_ROOT = 'https://cbu01.alicdn.com/';

/** Where the image pipeline should fetch a 1688 image from: the configured CDN stand-in, or the URL itself. */
export function cdnUrlFor(url: string, keys: Pick<Alibaba1688Keys, 'cdnUrl'>): string {
  return keys.cdnUrl && url.startsWith(CDN_ROOT) ? `${keys.cdnUrl}/${url.slice(CDN_ROOT.length)}` : url;
}
