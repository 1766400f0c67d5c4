// Validates the environment once when the server starts: a missing or invalid variable stops
// start-up with a message naming it, instead of failing later inside a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv, EnvError } = await import('./lib/env');
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
