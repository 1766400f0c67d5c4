import net from 'node:net';
import { encodeCommand, RespDecoder, RespError, type RespValue } from './resp';

/** Redis could not be reached or the connection died with commands outstanding. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

type RedisTarget = { host: string; port: number; handshake: string[][] };
type Batch = { count: number; replies: RespValue[]; resolve: (replies: RespValue[]) => void; reject: (error: Error) => void };

export function parseRedisUrl(url: string, clientName: string): RedisTarget {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:') throw new Error(`only redis:// URLs are supported (got ${parsed.protocol}//)`);
  const handshake: string[][] = [];
  const password = decodeURIComponent(parsed.password);
  const username = decodeURIComponent(parsed.username);
  if (password) handshake.push(username ? ['AUTH', username, password] : ['AUTH', password]);
  const db = parsed.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new Error('the redis URL path must be a database number');
  if (db && db !== '0') handshake.push(['SELECT', db]);
  // A name makes the bridge's connections recognisable in CLIENT LIST (and killable in tests).
  handshake.push(['CLIENT', 'SETNAME', clientName]);
  return { host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(parsed.port || 6379), handshake };
}

/** One socket, many in-flight batches: Redis answers in order, so replies are matched FIFO. */
export class RedisConnection {
  private readonly decoder = new RespDecoder();
  private readonly batches: Batch[] = [];
  private closedReason: string | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.markClosed(error.message));
    socket.on('end', () => this.markClosed('redis closed the connection'));
    socket.on('close', () => this.markClosed('connection closed'));
  }

  static open(target: RedisTarget, timeoutMs: number): Promise<RedisConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: target.host, port: target.port });
      const fail = (error: Error) => {
        socket.destroy();
        reject(new RedisUnavailableError(`cannot connect to redis at ${target.host}:${target.port}: ${error.message}`));
      };
      socket.setTimeout(timeoutMs, () => fail(new Error('connect timeout')));
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.off('error', fail);
        const connection = new RedisConnection(socket);
        // The timeout stays armed through the handshake: something that accepts TCP but never
        // answers like Redis must not leave callers waiting.
        connection.send(target.handshake).then((replies) => {
          socket.setTimeout(0);
          const refused = replies.find((r): r is RespError => r instanceof RespError);
          if (!refused) return resolve(connection);
          connection.close();
          reject(new RedisUnavailableError(`redis refused the connection handshake: ${refused.message}`));
        }, reject);
      });
    });
  }

  get isOpen(): boolean {
    return this.closedReason === undefined;
  }

  /** Writes all commands in one go (so nothing interleaves) and resolves with their replies. */
  send(commands: ReadonlyArray<ReadonlyArray<string | Buffer>>): Promise<RespValue[]> {
    if (this.closedReason !== undefined) return Promise.reject(new RedisUnavailableError(`redis connection unavailable: ${this.closedReason}`));
    if (commands.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.batches.push({ count: commands.length, replies: [], resolve, reject });
      this.socket.write(Buffer.concat(commands.map((c) => encodeCommand(c))));
    });
  }

  close(): void {
    this.markClosed('closed by the bridge');
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let replies: RespValue[];
    try {
      replies = this.decoder.push(chunk);
    } catch (error) {
      this.markClosed(`protocol error: ${(error as Error).message}`);
      this.socket.destroy();
      return;
    }
    for (const reply of replies) {
      const batch = this.batches[0];
      if (!batch) {
        this.markClosed('reply without a pending command');
        this.socket.destroy();
        return;
      }
      batch.replies.push(reply);
      if (batch.replies.length === batch.count) {
        this.batches.shift();
        batch.resolve(batch.replies);
      }
    }
  }

  /** Every outstanding batch fails now: a caller must never wait on a socket that is gone. */
  private markClosed(reason: string): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    this.decoder.reset();
    const error = new RedisUnavailableError(`redis connection lost: ${reason}`);
    for (const batch of this.batches.splice(0)) batch.reject(error);
    if (!this.socket.destroyed) this.socket.destroy();
  }
}

export type RedisPoolOptions = { redisUrl: string; size: number; clientName: string; connectTimeoutMs?: number; log: (line: string) => void };

/**
 * A few shared, pipelined connections for ordinary commands plus exclusive connections, lent one
 * request at a time, for MULTI/EXEC and blocking commands (which would stall a shared socket).
 */
export class RedisPool {
  private readonly target: RedisTarget;
  private readonly slots: Array<{ connection?: RedisConnection; opening?: Promise<RedisConnection> }>;
  private readonly idle: RedisConnection[] = [];
  private readonly lent = new Set<RedisConnection>();
  private nextSlot = 0;
  private isClosed = false;
  private isReachable = true;

  constructor(private readonly options: RedisPoolOptions) {
    this.target = parseRedisUrl(options.redisUrl, options.clientName);
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({}));
  }

  /** Runs a batch on a shared connection (round robin; dead ones are reopened on demand). */
  async send(commands: ReadonlyArray<ReadonlyArray<string | Buffer>>): Promise<RespValue[]> {
    const slot = this.slots[this.nextSlot]!;
    this.nextSlot = (this.nextSlot + 1) % this.slots.length;
    let connection = slot.connection;
    if (!connection?.isOpen) {
      slot.opening ??= this.open().finally(() => (slot.opening = undefined));
      connection = await slot.opening;
      slot.connection = connection;
    }
    return connection.send(commands);
  }

  /** Lends a connection nobody else writes to; `release` decides whether it may be reused. */
  async acquireExclusive(): Promise<RedisConnection> {
    let connection = this.idle.pop();
    while (connection && !connection.isOpen) connection = this.idle.pop();
    connection ??= await this.open();
    this.lent.add(connection);
    return connection;
  }

  release(connection: RedisConnection, isReusable: boolean): void {
    this.lent.delete(connection);
    if (isReusable && connection.isOpen && !this.isClosed && this.idle.length < 4) this.idle.push(connection);
    else connection.close();
  }

  close(): void {
    this.isClosed = true;
    for (const slot of this.slots) slot.connection?.close();
    for (const connection of [...this.idle.splice(0), ...this.lent]) connection.close();
  }

  private async open(): Promise<RedisConnection> {
    if (this.isClosed) throw new RedisUnavailableError('bridge is shutting down');
    let connection: RedisConnection;
    try {
      connection = await RedisConnection.open(this.target, this.options.connectTimeoutMs ?? 3_000);
    } catch (error) {
      if (this.isReachable) this.options.log(`redis unreachable: ${(error as Error).message}`);
      this.isReachable = false;
      throw error;
    }
    if (!this.isReachable) this.options.log('redis reachable again');
    this.isReachable = true;
    if (this.isClosed) {
      connection.close();
      throw new RedisUnavailableError('bridge is shutting down');
    }
    return connection;
  }
}
