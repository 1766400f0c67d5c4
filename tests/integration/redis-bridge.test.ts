import { createHash, randomUUID } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis, type RedisConfigNodejs } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, uniqueClientName, type Bridge } from '@/sandboxes/upstash-bridge/bridge';
import { parseRedisUrl, RedisConnection } from '@/sandboxes/upstash-bridge/redis-pool';
import { RespError, type RespValue } from '@/sandboxes/upstash-bridge/resp';

// The real local redis-server, reached two ways: through the bridge (what Ferry does) and over a
// raw admin connection (to look behind the bridge and to cut its connections).
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(REDIS_URL).hostname)) {
  throw new Error(`redis-bridge tests flush scripts and kill connections: refusing non-local Redis ${REDIS_URL}`);
}
const TOKEN = 'bridge-test-token-123';
const PREFIX = `ferry-test:bridge:${randomUUID()}:`;
const CLIENT_NAME = uniqueClientName('upstash-bridge-test');

let bridge: Bridge;
let admin: RedisConnection;

const key = (name: string) => `${PREFIX}${name}`;
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');
// Auto-pipelining is @upstash/redis's default (every command then goes to /pipeline); tests opt
// in explicitly so the single-command endpoint `/` is exercised too.
const client = (extra: Partial<RedisConfigNodejs> = {}) =>
  new Redis({ url: bridge.url, token: TOKEN, enableTelemetry: false, enableAutoPipelining: false, ...extra });

async function raw(...args: string[]): Promise<RespValue> {
  const [reply] = await admin.send([args]);
  if (reply instanceof RespError) throw new Error(reply.message);
  return reply ?? null;
}

/** The bridge's own connections as Redis sees them (`CLIENT LIST`), by name. */
async function bridgeClients(): Promise<Array<{ id: string; cmd: string }>> {
  const list = String(await raw('CLIENT', 'LIST'));
  return list
    .split('\n')
    .map((line) => Object.fromEntries(line.split(' ').map((pair) => pair.split('=', 2) as [string, string])))
    .filter((fields) => fields.name === CLIENT_NAME)
    .map((fields) => ({ id: fields.id ?? '', cmd: fields.cmd ?? '' }));
}

// A targeted stand-in for a Redis restart: `CLIENT KILL TYPE normal` would also cut the
// connections of every other test suite sharing this redis-server.
async function killBridgeConnections(filter: (c: { cmd: string }) => boolean = () => true): Promise<string[]> {
  const victims = (await bridgeClients()).filter(filter);
  for (const victim of victims) await raw('CLIENT', 'KILL', 'ID', victim.id);
  return victims.map((v) => v.id);
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${bridge.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} hung for ${ms} ms`)), ms))]);
}

beforeAll(async () => {
  bridge = await startBridge({ port: 0, redisUrl: REDIS_URL, token: TOKEN, clientName: CLIENT_NAME });
  admin = await RedisConnection.open(parseRedisUrl(REDIS_URL, 'upstash-bridge-test-admin'), 2_000);
});

afterAll(async () => {
  if (admin?.isOpen) {
    const keys = (await raw('KEYS', `${PREFIX}*`)) as Buffer[];
    if (keys.length > 0) await raw('DEL', ...keys.map((k) => k.toString('utf8')));
    admin.close();
  }
  await bridge?.close();
});

describe('strings and encodings', () => {
  const samples = ['héllo wörld', '跨境代购 ¥128.00', 'عربى', '🛍️👜 emoji', 'nul\u0000byte', 'ctl\u0001\u007f\u00ff', 'line\r\nbreak', 'T0s=', 'OK', '   '];

  it.each([
    ['base64 (the default)', 'base64' as const, false],
    ['plain JSON', false as const, false],
    ['base64 (the default)', 'base64' as const, true],
    ['plain JSON', false as const, true],
  ])('round-trips unicode and binary-ish strings with %s responses (auto-pipelining: %s)', async (_label, responseEncoding, enableAutoPipelining) => {
    const redis = client({ responseEncoding, enableAutoPipelining, automaticDeserialization: false });
    for (const [i, value] of samples.entries()) {
      expect(await redis.set(key(`s:${i}`), value)).toBe('OK');
      expect(await redis.get(key(`s:${i}`))).toBe(value);
      // Redis itself holds the UTF-8 bytes, not some encoding of them.
      expect(await raw('GET', key(`s:${i}`))).toEqual(Buffer.from(value, 'utf8'));
    }
  });

  it('base64-encodes every string in results, recursively, and leaves integers and nulls alone', async () => {
    await client().rpush(key('list'), 'ä', 'b');
    const res = await post('/pipeline', [['LRANGE', key('list'), '0', '-1'], ['LLEN', key('list')], ['GET', key('absent')], ['SET', key('x'), 'y']], {
      'Upstash-Encoding': 'base64',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ result: ['w6Q=', 'Yg=='] }, { result: 2 }, { result: null }, { result: 'T0s=' }]);
  });

  it('round-trips a 3 MB value and JSON objects', async () => {
    const redis = client();
    const big = '价'.repeat(1024 * 1024);
    await redis.set(key('big'), big);
    expect(await redis.get(key('big'))).toBe(big);
    await redis.set(key('obj'), { sku: 'A-1', price: { amountMinor: 12800, currency: 'CNY' } });
    expect(await redis.get(key('obj'))).toEqual({ sku: 'A-1', price: { amountMinor: 12800, currency: 'CNY' } });
  });
});

describe('commands', () => {
  it('returns HGETALL as an object (raw RESP, not a reshaped reply)', async () => {
    const redis = client();
    await redis.hset(key('h'), { title: '运动鞋', stock: 12 });
    expect(await redis.hgetall(key('h'))).toEqual({ title: '运动鞋', stock: 12 });
    expect(await redis.hgetall(key('no-hash'))).toBeNull();
  });

  it('increments, expires and reports TTLs', async () => {
    const redis = client();
    expect(await redis.incr(key('n'))).toBe(1);
    expect(await redis.incrby(key('n'), 41)).toBe(42);
    expect(await redis.ttl(key('n'))).toBe(-1);
    expect(await redis.expire(key('n'), 100)).toBe(1);
    const ttl = await redis.ttl(key('n'));
    expect(ttl).toBeGreaterThan(90);
    expect(ttl).toBeLessThanOrEqual(100);
    expect(await redis.ttl(key('never-set'))).toBe(-2);
  });

  it('answers a failed single command with HTTP 400 and the Redis error verbatim', async () => {
    await client().set(key('text'), 'abc');
    const res = await post('/', ['INCR', key('text')]);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'ERR value is not an integer or out of range' });
    await expect(client().incr(key('text'))).rejects.toThrow('ERR value is not an integer or out of range');
  });

  it('refuses commands that would change a shared connection’s state', async () => {
    const res = await post('/', ['SELECT', '2']);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not supported/);
  });
});

describe('pipelines and transactions', () => {
  it('auto-pipelines many concurrent commands and keeps every reply with its command', async () => {
    const redis = client({ enableAutoPipelining: true });
    await Promise.all(Array.from({ length: 100 }, (_, i) => redis.set(key(`ap:${i}`), `value-${i}-é`)));
    const [values, counters] = await Promise.all([
      Promise.all(Array.from({ length: 100 }, (_, i) => redis.get(key(`ap:${i}`)))),
      Promise.all(Array.from({ length: 100 }, () => redis.incr(key('ap:counter')))),
    ]);
    expect(values).toEqual(Array.from({ length: 100 }, (_, i) => `value-${i}-é`));
    expect([...counters].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // Batching really happened: far fewer HTTP round trips than commands.
    expect((redis as unknown as { pipelineCounter: number }).pipelineCounter).toBeLessThan(20);
  });

  it('fails only the bad command of an auto-pipelined batch', async () => {
    const redis = client({ enableAutoPipelining: true });
    await redis.set(key('ap:text'), 'abc');
    const [ok, bad, after] = await Promise.allSettled([redis.set(key('ap:a'), '1'), redis.incr(key('ap:text')), redis.get(key('ap:text'))]);
    expect(ok).toEqual({ status: 'fulfilled', value: 'OK' });
    expect(bad.status === 'rejected' && String(bad.reason)).toMatch(/ERR value is not an integer/);
    expect(after).toEqual({ status: 'fulfilled', value: 'abc' });
  });

  it('runs an explicit pipeline in order', async () => {
    const results = await client().pipeline().set(key('p'), 'v').incr(key('p:n')).incr(key('p:n')).get(key('p')).hgetall(key('no-such-hash')).exec();
    expect(results).toEqual(['OK', 1, 2, 'v', null]);
  });

  it('reports an error inside a pipeline at its index and still runs the rest', async () => {
    const redis = client();
    const pipeline = () => redis.pipeline().set(key('pe'), 'text').incr(key('pe')).get(key('pe'));
    await expect(pipeline().exec()).rejects.toThrow(/Command 2 \[ incr \] failed: ERR value is not an integer/);
    const kept = await pipeline().exec({ keepErrors: true });
    expect(kept[0]).toEqual({ result: 'OK', error: undefined });
    expect(kept[1]?.error).toMatch(/^ERR value is not an integer/);
    expect(kept[2]).toEqual({ result: 'text', error: undefined });
  });

  it('runs multi() as one transaction with per-command results', async () => {
    const redis = client();
    expect(await redis.multi().set(key('m'), 1).incr(key('m')).get(key('m')).exec()).toEqual(['OK', 2, 2]);
    const kept = await redis.multi().set(key('m:s'), 'x').lpush(key('m:s'), 'y').get(key('m:s')).exec({ keepErrors: true });
    expect(kept[1]?.error).toMatch(/^WRONGTYPE/);
    expect(kept[2]?.result).toBe('x');
  });

  it('never interleaves concurrent transactions', async () => {
    const redis = client();
    const pairs = await Promise.all(Array.from({ length: 40 }, () => redis.multi().incr(key('tx')).incr(key('tx')).exec()));
    for (const [first, second] of pairs) expect(second).toBe((first as number) + 1);
    expect(new Set(pairs.map(([first]) => first)).size).toBe(40);
  });

  it('discards a transaction with a queue-time error and says why', async () => {
    const res = await post('/multi-exec', [['SET', key('aborted'), '1'], ['NOSUCHCOMMAND']]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^EXECABORT .*unknown command 'NOSUCHCOMMAND'/);
    expect(await raw('EXISTS', key('aborted'))).toBe(0);
  });
});

describe('scripts', () => {
  it('runs EVAL and EVALSHA through createScript, with shebang stripping and the NOSCRIPT fallback', async () => {
    const redis = client();
    // Unique per run, so Redis has never seen it and the first EVALSHA must miss.
    const body = `#!lua flags=allow-key-locking\n-- ${PREFIX}\nreturn {KEYS[1], ARGV[1], redis.call('INCR', KEYS[1])}`;
    const script = redis.createScript<[string, string, number]>(body);

    expect(await script.exec([key('lua')], ['a'])).toEqual([key('lua'), 'a', 1]);
    // No fallback in evalsha(): this only works if the bridge maps the original sha.
    expect(await script.evalsha([key('lua')], ['b'])).toEqual([key('lua'), 'b', 2]);
    expect(await redis.scriptExists(sha1(body))).toEqual([1]);
    expect(await raw('SCRIPT', 'EXISTS', sha1(body))).toEqual([0]);
    expect(await redis.scriptLoad(body)).toBe(sha1(body));

    await redis.scriptFlush();
    await expect(script.evalsha([key('lua')], ['c'])).rejects.toThrow(/NOSCRIPT/);
    expect(await script.exec([key('lua')], ['d'])).toEqual([key('lua'), 'd', 3]);
  });

  it('keeps Lua error line numbers after stripping the shebang', async () => {
    await expect(client().eval('#!lua flags=allow-key-locking\n\nreturn redis.call("NOPE")', [], [])).rejects.toThrow(/@user_script:3/);
  });

  it('runs plain EVAL unchanged', async () => {
    expect(await client().eval('return ARGV[1] .. KEYS[1]', [key('k')], ['x:'])).toBe(`x:${key('k')}`);
  });
});

describe('@upstash/ratelimit', () => {
  it.each([
    ['slidingWindow', Ratelimit.slidingWindow(3, '60 s'), 3, true],
    ['fixedWindow', Ratelimit.fixedWindow(2, '60 s'), 2, true],
    ['slidingWindow', Ratelimit.slidingWindow(3, '60 s'), 3, false],
    ['fixedWindow', Ratelimit.fixedWindow(2, '60 s'), 2, false],
  ])('%s refuses the call after the limit (auto-pipelining: %s)', async (name, limiter, limit, enableAutoPipelining) => {
    // No ephemeral cache: every verdict, including the refusal, must come from Redis.
    const redis = client({ enableAutoPipelining });
    const ratelimit = new Ratelimit({ redis, limiter, prefix: key(`rl:${name}:${enableAutoPipelining}`), ephemeralCache: false, analytics: false });
    for (let i = 0; i < limit; i++) {
      const res = await ratelimit.limit('shopper-1');
      expect(res).toMatchObject({ success: true, limit, remaining: limit - i - 1 });
      expect(res.reason).toBeUndefined();
    }
    expect(await ratelimit.limit('shopper-1')).toMatchObject({ success: false, remaining: 0 });
    expect((await ratelimit.limit('shopper-2')).success).toBe(true);
  });
});

describe('auth and limits', () => {
  it('rejects a wrong token with a client error', async () => {
    await expect(client({ token: 'not-the-token' }).get(key('x'))).rejects.toThrow(/Unauthorized/);
    const res = await fetch(`${bridge.url}/`, { method: 'POST', body: '["PING"]' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/Unauthorized/) });
  });

  it('answers 413 for an oversized body', async () => {
    const res = await post('/', JSON.stringify(['SET', key('huge'), 'x'.repeat(11 * 1024 * 1024)]));
    expect(res.status).toBe(413);
    expect(await raw('EXISTS', key('huge'))).toBe(0);
  });

  it('answers 400 for a body that is not a command', async () => {
    expect((await post('/', '{"not":"an array"}')).status).toBe(400);
    expect((await post('/pipeline', [])).status).toBe(400);
    expect((await post('/', 'not json')).status).toBe(400);
  });

  it('reports health', async () => {
    const res = await fetch(`${bridge.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('connection loss', () => {
  it('survives its Redis connections being dropped', async () => {
    const redis = client({ enableAutoPipelining: true });
    await Promise.all(Array.from({ length: 20 }, (_, i) => redis.set(key(`drop:${i}`), String(i))));
    const killed = await killBridgeConnections();
    expect(killed.length).toBeGreaterThan(0);

    expect(await client().set(key('after-drop'), 'still here')).toBe('OK');
    expect(await redis.mget(key('drop:3'), key('after-drop'))).toEqual([3, 'still here']);
    const ids = (await bridgeClients()).map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => killed.includes(id))).toEqual([]);
  });

  it('fails an in-flight command whose connection dies instead of hanging', async () => {
    const pending = client().exec(['BLPOP', key('never-pushed'), '0']);
    const settled = pending.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await within(
      (async () => {
        while (!(await bridgeClients()).some((c) => c.cmd === 'blpop')) await new Promise((r) => setTimeout(r, 20));
      })(),
      5_000,
      'waiting for BLPOP to reach Redis',
    );
    await killBridgeConnections((c) => c.cmd === 'blpop');
    expect(await within(settled, 5_000, 'BLPOP after its connection was killed')).toMatch(/redis connection lost/);
    expect(await client().get(key('after-drop'))).toBe('still here');
  });

  it('answers 503 quickly when Redis is unreachable', async () => {
    const dead = await startBridge({ port: 0, redisUrl: 'redis://127.0.0.1:1', token: TOKEN });
    try {
      const res = await within(fetch(`${dead.url}/`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: '["PING"]' }), 5_000, 'command');
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/cannot connect to redis/);
      expect((await within(fetch(`${dead.url}/healthz`), 5_000, 'healthz')).status).toBe(503);
    } finally {
      await dead.close();
    }
  });
});

describe('lib/redis', () => {
  it('builds one process-wide client from the environment', async () => {
    process.env.UPSTASH_REDIS_REST_URL = bridge.url;
    process.env.UPSTASH_REDIS_REST_TOKEN = TOKEN;
    const { getRedis } = await import('@/lib/redis');
    expect(getRedis()).toBe(getRedis());
    await getRedis().set(key('lib'), 'via getRedis');
    expect(await raw('GET', key('lib'))).toEqual(Buffer.from('via getRedis'));
  });
});
