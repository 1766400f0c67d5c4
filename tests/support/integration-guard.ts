// Integration tests create and drop databases: refuse to run against anything but a local server.
const url = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ferry_test';
const host = new URL(url).hostname;
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  throw new Error(`Integration tests refuse to run against a non-local database (${host}).`);
}

// Checkout's real-time upstream stock check stays off unless a test turns it on: the seeded
// products are the 1688 sandbox's offers, and whether some sandbox happens to listen on the
// connector's URL must not decide tests about other things (see checkout-upstream-check.test.ts).
process.env.UPSTREAM_CHECK ??= 'off';
