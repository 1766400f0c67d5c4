/**
 * CLI: `node --import tsx sandboxes/alibaba-1688/server.ts` — the local 1688 open platform Ferry
 * uses in development, demo, tests and benchmarks. Defaults match the connector's own defaults.
 */
import { MAX_SANDBOX_OFFERS, startAlibaba1688Sandbox } from './sandbox';

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer in [${min}, ${max}] (got ${raw})`);
  return value;
}

async function main(): Promise<void> {
  const rate = Number(process.env.ALIBABA_SANDBOX_RATE || 100);
  if (!(rate > 0)) throw new Error(`ALIBABA_SANDBOX_RATE must be a positive number (got ${process.env.ALIBABA_SANDBOX_RATE})`);
  const pushUrl = process.env.ALIBABA_SANDBOX_PUSH_URL || null;
  if (pushUrl && !/^https?:\/\//.test(pushUrl)) throw new Error(`ALIBABA_SANDBOX_PUSH_URL must be an http(s) URL (got ${pushUrl})`);
  const sandbox = await startAlibaba1688Sandbox({
    port: intEnv('PORT', 8085, 0, 65_535),
    host: process.env.ALIBABA_SANDBOX_HOST || '127.0.0.1',
    appKey: process.env.ALIBABA_1688_APP_KEY || '8068168',
    appSecret: process.env.ALIBABA_1688_APP_SECRET || 'ferry-demo-1688-secret',
    refreshToken: process.env.ALIBABA_1688_REFRESH_TOKEN || 'ferry-demo-1688-refresh-token',
    offers: intEnv('ALIBABA_SANDBOX_OFFERS', 1000, 1, MAX_SANDBOX_OFFERS),
    seed: process.env.ALIBABA_SANDBOX_SEED || 'ferry-demo',
    rate,
    tokenTtlSeconds: intEnv('ALIBABA_SANDBOX_TOKEN_TTL', 3600, 1, 365 * 86_400),
    pushUrl,
    autoShipSeconds: intEnv('ALIBABA_SANDBOX_AUTO_SHIP_SECONDS', 0, 0, 86_400),
    log: (line) => console.error(`alibaba-1688: ${line}`),
  });
  console.log(`alibaba-1688 sandbox listening on ${sandbox.url} (${sandbox.world.size} offers${pushUrl ? `, pushing to ${pushUrl}` : ''})`);
  // Searches and old-enough walks of changes need one pass over the catalog; make it now, in the background.
  void sandbox.index.warmUp();

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now", not "wait for in-flight requests".
    if (isStopping) process.exit(1);
    isStopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`alibaba-1688: error while stopping on ${signal}: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`alibaba-1688: ${(error as Error).message}`);
  process.exit(1);
});
