/**
 * CLI: `node --import tsx sandboxes/tracking-17track/server.ts` — the local 17TRACK Ferry uses in
 * development, demo and tests. Defaults match the app's own defaults (TRACKING_17TRACK_*).
 */
import { startTrackingSandbox } from './sandbox';
import { MAX_SPEED } from './sim-clock';

function numberEnv(name: string, fallback: number, min: number, max: number, isInteger = false): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!(Number.isFinite(value) && value >= min && value <= max) || (isInteger && !Number.isInteger(value))) {
    throw new Error(`${name} must be ${isInteger ? 'an integer' : 'a number'} in [${min}, ${max}] (got ${raw})`);
  }
  return value;
}

async function main(): Promise<void> {
  const webhookUrl = process.env.TRACKING_SANDBOX_WEBHOOK_URL || null;
  if (webhookUrl && !/^https?:\/\//.test(webhookUrl)) throw new Error(`TRACKING_SANDBOX_WEBHOOK_URL must be an http(s) URL (got ${webhookUrl})`);
  const sandbox = await startTrackingSandbox({
    port: numberEnv('PORT', 8087, 0, 65_535, true),
    host: process.env.TRACKING_SANDBOX_HOST || '127.0.0.1',
    key: process.env.TRACKING_17TRACK_KEY || 'ferry-demo-17track-key',
    webhookUrl,
    speed: numberEnv('TRACKING_SANDBOX_SPEED', 1, 0, MAX_SPEED),
    duplicateRate: numberEnv('TRACKING_SANDBOX_DUPLICATE_RATE', 0.2, 0, 1),
    reorderRate: numberEnv('TRACKING_SANDBOX_REORDER_RATE', 0.2, 0, 1),
    holdMs: numberEnv('TRACKING_SANDBOX_HOLD_MS', 5_000, 0, 600_000, true),
    rate: numberEnv('TRACKING_SANDBOX_RATE', 3, 0, 10_000),
    quota: numberEnv('TRACKING_SANDBOX_QUOTA', 100_000, 0, 100_000_000, true),
    log: (line) => console.error(`tracking-17track: ${line}`),
  });
  console.log(`tracking-17track sandbox listening on ${sandbox.url} (speed ${sandbox.clock.speed}${webhookUrl ? `, webhooks to ${webhookUrl}` : ', no webhooks'})`);

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now", not "wait for in-flight requests".
    if (isStopping) process.exit(1);
    isStopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`tracking-17track: error while stopping on ${signal}: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`tracking-17track: ${(error as Error).message}`);
  process.exit(1);
});
