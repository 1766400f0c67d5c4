// Integration tests create and drop databases: refuse to run against anything but a local server.
const url = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry_test';
const host = new URL(url).hostname;
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  throw new Error(`Integration tests refuse to run against a non-local database (${host}).`);
}
