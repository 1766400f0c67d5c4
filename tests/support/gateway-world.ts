import Stripe from 'stripe';
import { parseEnv } from '@/lib/env';
import { cardGateway } from '@/lib/payments/registry';
import { startPaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { startTestReceiver } from '@/sandboxes/payment-gateway/test-receiver';
import { createPurchasingWorld, deliverWebhook } from './purchasing-world';

const SECRET_KEY = 'sk_test_ferry_sandbox';

/**
 * A purchasing world (its own MariaDB database, Redis, the 1688 sandbox) with the sandbox payment
 * gateway in front of it: the gateway's signed webhooks go through the real receive → process path.
 * `stripe` talks to the sandbox's API; `deps()` is what lib functions take to reach the gateway.
 */
export async function createGatewayWorld(prefix: string, productCount: number) {
  const world = await createPurchasingWorld(prefix, productCount);
  const receiver = await startTestReceiver(async (request) => {
    try {
      await deliverWebhook(world, { body: request.body, header: request.signature });
      return 200;
    } catch {
      return 400;
    }
  });
  const gateway = await startPaymentGateway({ secretKey: SECRET_KEY, webhookUrl: receiver.url, webhookSecret: 'whsec_ferry_sandbox_demo', retry: { attempts: 5, baseMs: 20 } });
  const env = parseEnv({ ...process.env, PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: gateway.url });
  const stripe = new Stripe(SECRET_KEY, { host: new URL(gateway.url).hostname, port: new URL(gateway.url).port, protocol: 'http' });
  return {
    world,
    receiver,
    gateway,
    env,
    stripe,
    deps: () => ({ gatewayFor: (name: 'sandbox' | 'stripe' | 'cod') => cardGateway(env, name) }),
    async close() {
      await gateway.close();
      await receiver.close();
      await world.close();
    },
  };
}

/** Polls `read` until `isDone` (8 s at most), for what arrives by webhook. */
export async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
