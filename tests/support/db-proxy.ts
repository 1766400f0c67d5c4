import net from 'node:net';

/**
 * A TCP proxy in front of MariaDB for tests of what the application does when the database goes
 * away: `down()` drops every connection and refuses new ones until `up()`; `swallowNext(pattern)`
 * lets the next statement whose text matches through and cuts the connection before its answer
 * reaches the client (what it wrote is durable, the client only sees a lost connection);
 * `swallowNextCommit()` does that to the next COMMIT.
 */
export async function startDbProxy(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const state = { isDown: false, swallow: null as RegExp | null, swallowed: 0 };
  const server = net.createServer((client) => {
    if (state.isDown) return void client.destroy();
    const upstream = net.connect(Number(target.port || 3306), target.hostname);
    sockets.add(client).add(upstream);
    let isSwallowing = false;
    client.on('data', (chunk) => {
      // A COM_QUERY (0x03) packet whose text matches.
      if (state.swallow && chunk.length > 5 && chunk[4] === 0x03 && state.swallow.test(chunk.subarray(5).toString('utf8').trim())) {
        state.swallow = null;
        isSwallowing = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!isSwallowing) return void client.write(chunk);
      state.swallowed++;
      client.destroy();
      upstream.destroy();
    });
    for (const s of [client, upstream]) {
      s.on('error', () => undefined);
      s.on('close', () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(s);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url: url.toString(),
    get swallowed() {
      return state.swallowed;
    },
    swallowNext(pattern: RegExp) {
      state.swallow = pattern;
    },
    swallowNextCommit() {
      state.swallow = /^commit$/i;
    },
    down() {
      state.isDown = true;
      for (const s of sockets) s.destroy();
    },
    up() {
      state.isDown = false;
    },
    close() {
      state.isDown = true;
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
