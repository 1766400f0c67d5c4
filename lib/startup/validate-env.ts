import 'server-only';
import { EnvError, getEnv } from '@/lib/env';
import { demoSecretRefusal } from '@/lib/demo-secrets';

/**
 * Node-only start-up check: an invalid setting stops the server with a message naming it, and a
 * production start that still holds published demo secrets stops with one line naming them all.
 */
export function validateEnvOrExit(source: Record<string, string | undefined> = process.env): void {
  const refusal = demoSecretRefusal(source);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Ferry cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
