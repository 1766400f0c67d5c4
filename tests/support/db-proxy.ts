import net from 'node:net';

/**
 * A TCP proxy in front of MariaDB for tests of what the application does when the database goes
 * away: `down()` drops every connection and refuses new ones until `up()`; `swallowNextCommit()`
 * lets the next COMMIT through and cuts the connection before its answer reaches the client (the
 * transaction is durable, the client only sees a lost connection).
 */
export async function startDbProxy(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const state = { isDown: false, isSwallowArmed: false, swallowed: 0 };
  const server = net.createServer((client) => {
    if (state.isDown) return void client.destroy();
    const upstream = net.connect(Number(target.port || 3306), target.hostname);
    sockets.add(client).add(upstream);
    let isCommitting = false;
    client.on('data', (chunk) => {
      // A COM_QUERY (0x03) packet whose text is COMMIT.
      if (state.isSwallowArmed && chunk.length > 5 && chunk[4] === 0x03 && chunk.subarray(5).toString('utf8').trim().toLowerCase() === 'commit') {
        state.isSwallowArmed = false;
        isCommitting = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!isCommitting) return void client.write(chunk);
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
    swallowNextCommit() {
      state.isSwallowArmed = true;
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
