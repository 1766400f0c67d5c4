// Validates the environment once when the server starts, instead of failing later inside a
// request, then starts the server's periodic jobs (reservation expiry, stored webhook events).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateEnvOrExit } = await import('./lib/startup/validate-env');
    validateEnvOrExit();
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      const { startBackgroundJobs } = await import('./lib/jobs/background');
      startBackgroundJobs();
    }
  }
}
