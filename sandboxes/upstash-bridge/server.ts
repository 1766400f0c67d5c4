/**
 * CLI: `npx tsx sandboxes/upstash-bridge/server.ts` — the Upstash REST endpoint Ferry uses in
 * development, demo and tests. Reads the same variables as the app so both sides agree by default.
 */
import { startBridge } from './bridge';

const DEFAULT_REST_URL = 'http://127.0.0.1:8079';
const DEFAULT_TOKEN = 'ferry-demo-redis-token';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

async function main(): Promise<void> {
  const restUrl = new URL(process.env.UPSTASH_REDIS_REST_URL || DEFAULT_REST_URL);
  if (restUrl.protocol !== 'http:') throw new Error(`UPSTASH_REDIS_REST_URL must be http:// for the local bridge (got ${restUrl.protocol}//)`);
  const host = restUrl.hostname.replace(/^\[|\]$/g, '');
  const port = Number(restUrl.port || 80);

  const bridge = await startBridge({
    host,
    port,
    token: process.env.UPSTASH_REDIS_REST_TOKEN || DEFAULT_TOKEN,
    redisUrl: process.env.REDIS_URL || DEFAULT_REDIS_URL,
    log: (line) => console.error(`upstash-bridge: ${line}`),
  });
  console.log(`upstash-bridge listening on ${bridge.url}`);

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now", not "wait for in-flight requests".
    if (isStopping) process.exit(1);
    isStopping = true;
    bridge.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`upstash-bridge: error while stopping on ${signal}: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`upstash-bridge: ${(error as Error).message}`);
  process.exit(1);
});
