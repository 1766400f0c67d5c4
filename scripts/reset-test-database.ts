import { dropDatabase } from '@/db/migrate';

// Drops the integration database before a test run; refuses anything that is not a local *_test db
// (or *_test_<suffix>, one per engineer or CI job running the suite side by side on one server).
const url = new URL(process.env.DATABASE_URL ?? '');
const name = url.pathname.slice(1);
if (!['127.0.0.1', 'localhost'].includes(url.hostname) || !/_test(_[a-z0-9]+)?$/.test(name)) {
  console.error(`refusing to reset ${url.hostname}/${name}: only a local database whose name ends in _test or _test_<suffix>`);
  process.exit(1);
}
await dropDatabase(url.toString());
