import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedisPool, RedisUnavailableError, type RedisConnection } from './redis-pool';
import { RespError, type RespValue } from './resp';
import { ScriptRewriter, type Rewritten } from './script-rewriter';

/**
 * Speaks the Upstash Redis REST protocol (the subset @upstash/redis uses: `POST /`,
 * `/pipeline`, `/multi-exec`, bearer auth, `Upstash-Encoding: base64`) in front of a local
 * redis-server, so Ferry uses one Redis client everywhere and production only swaps the URL.
 */
export type BridgeOptions = {
  port: number;
  host?: string;
  redisUrl: string;
  token: string;
  /** Shared pipelined connections to Redis. */
  poolSize?: number;
  maxBodyBytes?: number;
  /** CLIENT SETNAME for the bridge's connections. */
  clientName?: string;
  /** Operational lines only (never commands, values or tokens). Silent by default. */
  log?: (line: string) => void;
};

export type Bridge = { url: string; close(): Promise<void> };

type Entry = { result: RespValue } | { error: string };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// These change per-connection state (or stop replies) on a connection other requests share.
const REFUSED = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE', 'MONITOR', 'SELECT', 'MULTI', 'EXEC', 'DISCARD', 'WATCH', 'UNWATCH', 'QUIT', 'RESET', 'HELLO', 'AUTH', 'SYNC', 'PSYNC', 'REPLCONF']);
const BLOCKING = new Set(['BLPOP', 'BRPOP', 'BRPOPLPUSH', 'BLMOVE', 'BLMPOP', 'BZPOPMIN', 'BZPOPMAX', 'BZMPOP', 'WAIT', 'WAITAOF']);

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const log = opts.log ?? (() => {});
  const maxBodyBytes = opts.maxBodyBytes ?? 10 * 1024 * 1024;
  const tokenDigest = digest(opts.token);
  const pool = new RedisPool({ redisUrl: opts.redisUrl, size: opts.poolSize ?? 4, clientName: opts.clientName ?? 'upstash-bridge', log });
  const scripts = new ScriptRewriter();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, `{"error":${JSON.stringify(error.message)}}`);
      if (error instanceof RedisUnavailableError) return sendJson(res, 503, `{"error":${JSON.stringify(`ERR upstash-bridge: ${error.message}`)}}`);
      log(`internal error: ${(error as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, '{"error":"ERR upstash-bridge internal error"}');
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return health(res);
    if (path !== '/' && path !== '/pipeline' && path !== '/multi-exec') throw new HttpError(404, 'ERR upstash-bridge: unknown endpoint');
    if (req.method !== 'POST') throw new HttpError(405, 'ERR upstash-bridge: use POST');
    if (!isAuthorized(req.headers.authorization)) {
      req.resume();
      throw new HttpError(401, 'Unauthorized: invalid or missing bearer token');
    }
    const body = await readJson(req, res, maxBodyBytes);
    const isBase64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';

    if (path === '/') {
      const command = prepare(toCommand(body), scripts);
      const [reply] = isBlocking(command.args) ? await sendExclusive(pool, [command.args], res) : await pool.send([command.args]);
      if (reply instanceof RespError) throw new HttpError(400, reply.message);
      return sendJson(res, 200, `{"result":${render(command.mapReply(reply ?? null), isBase64)}}`);
    }
    const commands = toCommandList(body);
    const entries = path === '/pipeline' ? await runPipeline(pool, scripts, commands, res) : await runMultiExec(pool, scripts, commands);
    sendJson(res, 200, `[${entries.map((e) => renderEntry(e, isBase64)).join(',')}]`);
  }

  async function health(res: http.ServerResponse): Promise<void> {
    try {
      const [reply] = await withTimeout(pool.send([['PING']]), 2_000);
      if (reply instanceof RespError) throw new Error(reply.message);
      sendJson(res, 200, '{"ok":true}');
    } catch (error) {
      sendJson(res, 503, `{"ok":false,"error":${JSON.stringify((error as Error).message)}}`);
    }
  }

  function isAuthorized(header: string | undefined): boolean {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    // Comparing digests keeps the comparison constant-time regardless of the token's length.
    return match !== null && timingSafeEqual(digest(match[1]!), tokenDigest);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // In-flight requests get a moment to finish; a blocked BLPOP must not hold shutdown.
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      }).finally(() => pool.close());
      return closing;
    },
  };
}

async function runPipeline(pool: RedisPool, scripts: ScriptRewriter, commands: string[][], res: http.ServerResponse): Promise<Entry[]> {
  const entries: Array<Entry | undefined> = [];
  const toSend: Rewritten[] = [];
  const slots: number[] = [];
  for (const [i, command] of commands.entries()) {
    const refusal = refusalFor(command);
    if (refusal) {
      entries[i] = { error: refusal };
      continue;
    }
    toSend.push(scripts.rewrite(command));
    slots.push(i);
  }
  const args = toSend.map((c) => c.args);
  // One blocking command would stall every other request on a shared socket.
  const replies = args.some(isBlocking) ? await sendExclusive(pool, args, res) : await pool.send(args);
  replies.forEach((reply, j) => {
    entries[slots[j]!] = toEntry(reply, toSend[j]!.mapReply);
  });
  return entries.map((e) => e ?? { error: 'ERR upstash-bridge: missing reply' });
}

async function runMultiExec(pool: RedisPool, scripts: ScriptRewriter, commands: string[][]): Promise<Entry[]> {
  for (const command of commands) {
    const refusal = refusalFor(command);
    if (refusal) throw new HttpError(400, refusal);
  }
  const rewritten = commands.map((c) => scripts.rewrite(c));
  // A dedicated connection: MULTI state must never be visible to, or mixed with, other requests.
  const connection = await pool.acquireExclusive();
  let isClean = false;
  try {
    const replies = await connection.send([['MULTI'], ...rewritten.map((c) => c.args), ['EXEC']]);
    const exec = replies[replies.length - 1];
    isClean = replies.length === rewritten.length + 2 && !(replies[0] instanceof RespError);
    if (exec instanceof RespError) {
      const cause = replies.slice(1, -1).find((r): r is RespError => r instanceof RespError);
      throw new HttpError(400, cause ? `${exec.message} (${cause.message})` : exec.message);
    }
    if (!Array.isArray(exec)) throw new HttpError(400, 'EXECABORT Transaction aborted');
    return exec.map((reply, i) => toEntry(reply, rewritten[i]!.mapReply));
  } finally {
    pool.release(connection, isClean);
  }
}

async function sendExclusive(pool: RedisPool, commands: string[][], res: http.ServerResponse): Promise<RespValue[]> {
  const connection: RedisConnection = await pool.acquireExclusive();
  // A client that gave up on a blocking call must not leave Redis holding it forever.
  const abandon = () => connection.close();
  res.once('close', abandon);
  let isDone = false;
  try {
    const replies = await connection.send(commands);
    isDone = true;
    return replies;
  } finally {
    res.off('close', abandon);
    pool.release(connection, isDone);
  }
}

function prepare(command: string[], scripts: ScriptRewriter): Rewritten {
  const refusal = refusalFor(command);
  if (refusal) throw new HttpError(400, refusal);
  return scripts.rewrite(command);
}

function refusalFor(command: readonly string[]): string | undefined {
  const name = (command[0] ?? '').toUpperCase();
  const isClientReply = name === 'CLIENT' && (command[1] ?? '').toUpperCase() === 'REPLY';
  if (REFUSED.has(name) || isClientReply) return `ERR upstash-bridge: '${command[0]}' is not supported over REST`;
  return undefined;
}

function isBlocking(args: readonly string[]): boolean {
  const name = (args[0] ?? '').toUpperCase();
  if (BLOCKING.has(name)) return true;
  return (name === 'XREAD' || name === 'XREADGROUP') && args.some((a) => a.toUpperCase() === 'BLOCK');
}

function toCommand(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, 'ERR a command must be a non-empty JSON array');
  return value.map((arg: unknown) => {
    // @upstash/redis sends numbers and booleans unquoted; Redis wants every argument as a string.
    if (typeof arg === 'string') return arg;
    if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
    throw new HttpError(400, 'ERR command arguments must be strings, numbers or booleans');
  });
}

function toCommandList(value: unknown): string[][] {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, 'ERR expected a non-empty JSON array of commands');
  return value.map(toCommand);
}

function toEntry(reply: RespValue, mapReply: (r: RespValue) => RespValue): Entry {
  return reply instanceof RespError ? { error: reply.message } : { result: mapReply(reply) };
}

function renderEntry(entry: Entry, isBase64: boolean): string {
  // Errors are never encoded: the client only base64-decodes `result`.
  return 'error' in entry ? `{"error":${JSON.stringify(entry.error)}}` : `{"result":${render(entry.result, isBase64)}}`;
}

/** JSON by hand: bigints keep every digit, and strings are base64 only when asked for. */
function render(value: RespValue, isBase64: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return isBase64 ? `"${value.toString('base64')}"` : JSON.stringify(value.toString('utf8'));
  if (value instanceof RespError) return render(Buffer.from(value.message), isBase64);
  return `[${value.map((v) => render(v, isBase64)).join(',')}]`;
}

async function readJson(req: http.IncomingMessage, res: http.ServerResponse, limit: number): Promise<unknown> {
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const tooLarge = () => {
      // Stop buffering and drop the connection after answering: draining 10 MB is wasted work.
      req.removeListener('data', onData);
      req.pause();
      res.setHeader('Connection', 'close');
      reject(new HttpError(413, `ERR request body exceeds ${limit} bytes`));
    };
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return tooLarge();
      chunks.push(chunk);
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge();
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'ERR request body is not valid JSON');
  }
}

function sendJson(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A name unique to one bridge instance, for telling its connections apart in CLIENT LIST. */
export function uniqueClientName(prefix = 'upstash-bridge'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
