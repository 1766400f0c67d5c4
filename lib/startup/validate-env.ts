import { EnvError, getEnv } from '@/lib/env';

/** Node-only start-up check: an invalid setting stops the server with a message naming it. */
export function validateEnvOrExit(): void {
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
