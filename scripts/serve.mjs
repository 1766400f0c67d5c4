// `npm start` (and the demo, test and benchmark servers): Next's production server, through Next's
// documented custom-server API, with one addition — the address of the socket each request came in on.
//
// Why not plain `next start`: Next 16 fills X-Forwarded-For from the socket only when the client
// sent none (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
// next/dist/server/base-server.js), so a route handler, a server action or next-auth's `authorize`
// cannot tell the peer's address from a header the client wrote, and rate limits keyed on it can be
// dodged with a new fake header per attempt. Here the peer's address is written into Ferry's own
// header after deleting any copy the client sent; lib/http/client-ip.ts reads it (and counts
// TRUSTED_PROXY_HOPS back through X-Forwarded-For when Ferry runs behind proxies).
//
// Same flags and environment as `next start`: -p/--port (else PORT, else 3000), -H/--hostname
// (else every interface), --keepAliveTimeout <ms>; NODE_ENV defaults to production; SIGINT/SIGTERM
// stop accepting connections, let running requests (and their after() work) finish, then exit.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const CLIENT_IP_HEADER = 'x-ferry-client-ip';

/** Replaces whatever the client sent in CLIENT_IP_HEADER with the socket's peer address. */
export function tagClientAddress(req) {
  delete req.headers[CLIENT_IP_HEADER];
  const address = req.socket.remoteAddress;
  if (address) req.headers[CLIENT_IP_HEADER] = address;
}

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' }, keepAliveTimeout: { type: 'string' } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? process.env.PORT}`);
  const hostname = values.hostname;
  process.env.NODE_ENV ||= 'production';
  process.env.PORT = String(port);

  const { default: next } = await import('next');
  // Next's custom-server factory sets TURBOPACK=auto (for `next dev`); `next start` runs without it,
  // and the production runtime reads it, so it is put back as it was.
  const turbopack = process.env.TURBOPACK;
  const app = next({ dev: false, dir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), hostname, port });
  if (turbopack === undefined) delete process.env.TURBOPACK;
  else process.env.TURBOPACK = turbopack;
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    tagClientAddress(req);
    handle(req, res).catch((error) => {
      console.error(`Failed to handle request for ${req.url}`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  if (values.keepAliveTimeout) server.keepAliveTimeout = Number(values.keepAliveTimeout);

  let isStopping = false;
  const stop = (code) => {
    if (isStopping) return;
    isStopping = true;
    server.close(() => {
      Promise.resolve(app.close())
        .catch((error) => console.error(error))
        .finally(() => process.exit(code));
    });
    // Idle keep-alive connections would hold close() open.
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`Ferry ready on http://${hostname ?? 'localhost'}:${port}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
