// Validates the environment once when the server starts, instead of failing later inside a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateEnvOrExit } = await import('./lib/startup/validate-env');
    validateEnvOrExit();
  }
}
