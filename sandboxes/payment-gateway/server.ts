/**
 * CLI: `node --import tsx sandboxes/payment-gateway/server.ts` — the Stripe-compatible payment
 * sandbox Ferry uses in development, demo and tests. Defaults match the app's own env defaults.
 */
import { startPaymentGateway } from './gateway';

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 8081);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (got ${process.env.PORT})`);
  const gateway = await startPaymentGateway({
    port,
    host: process.env.SANDBOX_HOST || '127.0.0.1',
    secretKey: process.env.SANDBOX_SECRET_KEY || 'sk_test_ferry_sandbox',
    webhookSecret: process.env.SANDBOX_WEBHOOK_SECRET || 'whsec_ferry_sandbox_demo',
    webhookUrl: process.env.SANDBOX_WEBHOOK_URL || 'http://localhost:3000/api/webhooks/payments/sandbox',
    // With PORT=0 the port is only known after listening, so the gateway's own URL stands in.
    publicUrl: process.env.SANDBOX_PUBLIC_URL || (port ? `http://localhost:${port}` : undefined),
    log: (line) => console.error(`payment-gateway: ${line}`),
  });
  console.log(`payment-gateway listening on ${gateway.url}`);

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now", not "wait for in-flight requests".
    if (isStopping) process.exit(1);
    isStopping = true;
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`payment-gateway: error while stopping on ${signal}: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`payment-gateway: ${(error as Error).message}`);
  process.exit(1);
});
