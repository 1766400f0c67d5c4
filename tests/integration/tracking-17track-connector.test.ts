import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decideTrackingUpdate, readTrackingWebhook, signTrackingWebhook, TrackingClient, TrackingServiceError, type TrackingEvent, type TrackingStatus } from '@/lib/tracking';
import { startTrackingSandbox, type TrackingSandbox } from '@/sandboxes/tracking-17track/sandbox';

/**
 * Ferry's 17TRACK connector against the tracking sandbox, in-process and without a database: the
 * client's batches, retries and error codes, and the webhook side — a receiver that checks the
 * sign, parses and keeps only newer updates ends with exactly what gettrackinfo says, although
 * the sandbox duplicates and reorders its deliveries.
 */
const KEY = 'ferry-test-17track-key';

type Stored = { status: TrackingStatus; latestEventAt: Date | null; events: TrackingEvent[]; isStopped: boolean };
const stored = new Map<string, Stored>();
const counts = { applied: 0, ignored: 0, refused: 0 };
let receiver: http.Server;
let receiverUrl: string;
let sandbox: TrackingSandbox;
let client: TrackingClient;

// The control API's answers, as far as these tests read them.
type ControlAnswer = {
  stepsLeft: number;
  stepsPlayed: number;
  api: { calls: Record<string, number>; rateLimited: number };
  webhooks: { duplicates: number; reordered: number };
};

async function control(method: string, path: string, body?: unknown): Promise<ControlAnswer> {
  const response = await fetch(`${sandbox.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as ControlAnswer;
}

async function settled(): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (sandbox.webhooks!.pending() === 0) return;
  }
  throw new Error('webhooks still pending');
}

const numbers = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(9, '0')}CN`);

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const result = readTrackingWebhook(body, req.headers.sign as string | undefined, KEY);
      if (!result.ok) {
        counts.refused++;
        return void res.writeHead(400).end(JSON.stringify({ error: result.reason }));
      }
      const { update } = result;
      const before = stored.get(update.number) ?? null;
      const decision = decideTrackingUpdate(before, update);
      if (decision.isNewer) {
        counts.applied++;
        stored.set(update.number, { status: update.status, latestEventAt: update.latestEventAt, events: update.events, isStopped: before?.isStopped ?? false });
      } else counts.ignored++;
      // A stop may come before anything was stored (a number stopped before its first event).
      if (decision.stops) stored.set(update.number, { ...(stored.get(update.number) ?? { status: update.status, latestEventAt: null, events: [] }), isStopped: true });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/tracking/17track`;
  sandbox = await startTrackingSandbox({ port: 0, key: KEY, webhookUrl: receiverUrl, speed: 0, duplicateRate: 0.5, reorderRate: 0.5, holdMs: 150, tickMs: 20, webhookRetry: { baseMs: 20 } });
  client = new TrackingClient({ baseUrl: sandbox.url, key: KEY, timeoutMs: 3_000, retryBaseMs: 100 });
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

beforeEach(async () => {
  // Deliveries still on their way from the previous test must not land in this one's store.
  await settled();
  await control('POST', '/_control/reset');
  stored.clear();
  Object.assign(counts, { applied: 0, ignored: 0, refused: 0 });
});

describe('17TRACK client against the sandbox', () => {
  it('registers in batches of 40, and takes numbers 17TRACK already tracks as registered', async () => {
    const all = numbers(85, 'LA');
    const first = await client.register(all.map((number, i) => ({ number, tag: `FP-${i}` })));
    expect(first.rejected).toEqual([]);
    expect(first.registered).toHaveLength(85);
    expect(first.registered.every((r) => r.isNew && r.carrier === 3011)).toBe(true);
    expect((await control('GET', '/_control/stats')).api.calls).toEqual({ register: 3 });

    const again = await client.register([...all.slice(0, 10), 'LB000000001CN', '123456789'].map((number) => ({ number })));
    expect(again.registered.filter((r) => !r.isNew).map((r) => r.number)).toEqual(all.slice(0, 10));
    expect(again.registered.filter((r) => r.isNew).map((r) => r.number)).toEqual(['LB000000001CN']);
    expect(again.rejected).toEqual([{ number: '123456789', code: -18019903, message: 'Carrier cannot be detected.' }]);
  });

  it('refuses what is not a tracking number before calling anyone', async () => {
    await expect(client.register([{ number: 'RR123456789CN' }, { number: 'RR 1234' }])).rejects.toMatchObject({ code: 'invalid' });
    await expect(client.register([{ number: 'RR123456789CN', tag: 'x'.repeat(101) }])).rejects.toBeInstanceOf(TrackingServiceError);
    expect((await control('GET', '/_control/stats')).api.calls).toEqual({});
  });

  it('reads tracking into Ferry\'s shape; unknown numbers come back rejected', async () => {
    await client.register([{ number: 'RR123456789CN', tag: 'FP-1' }]);
    const before = await client.getTrackInfo([{ number: 'RR123456789CN' }, { number: 'RR000000000CN' }]);
    expect(before.found).toEqual([{ number: 'RR123456789CN', carrier: 3011, tag: 'FP-1', status: 'NotFound', subStatus: 'NotFound_Other', latestEventAt: null, events: [] }]);
    expect(before.rejected.map((r) => [r.number, r.code])).toEqual([['RR000000000CN', -18019902]]);

    const plan = await control('POST', '/_control/trackings/RR123456789CN/advance', { to: 'Delivered' });
    const [snapshot] = (await client.getTrackInfo([{ number: 'RR123456789CN', carrier: 3011 }])).found;
    expect(snapshot).toMatchObject({ status: 'Delivered', subStatus: 'Delivered_Other' });
    expect(snapshot!.events).toHaveLength(plan.stepsPlayed);
    expect(snapshot!.events[0]).toMatchObject({ status: 'Delivered', description: 'Delivered' });
    expect(snapshot!.events.at(-1)).toMatchObject({ status: 'InfoReceived', subStatus: 'InfoReceived', location: 'Shenzhen, Guangdong, CN' });
    expect(snapshot!.latestEventAt).toEqual(snapshot!.events[0]!.at);
    const times = snapshot!.events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('stops tracking; a number already stopped counts as stopped', async () => {
    await client.register([{ number: 'RR123456789CN' }]);
    expect(await client.stopTrack([{ number: 'RR123456789CN' }, { number: 'RR000000000CN' }])).toMatchObject({ stopped: ['RR123456789CN'], rejected: [{ number: 'RR000000000CN', code: -18019902 }] });
    expect(await client.stopTrack([{ number: 'RR123456789CN' }])).toEqual({ stopped: ['RR123456789CN'], rejected: [] });
  });

  it('names a refused key, and retries through rate limits', async () => {
    const wrong = new TrackingClient({ baseUrl: sandbox.url, key: 'not-the-key' });
    await expect(wrong.register([{ number: 'RR123456789CN' }])).rejects.toMatchObject({ code: 'unauthorized', vendorCode: -18010002, isTransient: false });

    await control('POST', '/_control/settings', { rate: 1 });
    const patient = new TrackingClient({ baseUrl: sandbox.url, key: KEY, attempts: 6, retryBaseMs: 400 });
    const result = await patient.register(numbers(90, 'LC').map((number) => ({ number })));
    expect(result.registered).toHaveLength(90);
    expect((await control('GET', '/_control/stats')).api.rateLimited).toBeGreaterThan(0);
    await control('POST', '/_control/settings', { rate: 0 });
  });

  it('gives up on a silent or absent service as unavailable', async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const slow = new TrackingClient({ baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, key: KEY, timeoutMs: 150, attempts: 2, retryBaseMs: 10 });
      await expect(slow.getTrackInfo([{ number: 'RR123456789CN' }])).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('timed out') });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
    const absent = new TrackingClient({ baseUrl: 'http://127.0.0.1:9', key: KEY, attempts: 2, retryBaseMs: 10 });
    await expect(absent.stopTrack([{ number: 'RR123456789CN' }])).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('17TRACK webhooks from the sandbox, received the way Ferry does', () => {
  it('end on exactly what gettrackinfo says, though deliveries were duplicated and reordered', async () => {
    const parcels = numbers(6, 'LD');
    await client.register(parcels.map((number) => ({ number })));
    for (let round = 0; round < 14; round++) {
      for (const number of parcels) {
        const tracking = await control('GET', `/_control/trackings/${number}`);
        if (tracking.stepsLeft > 0) await control('POST', `/_control/trackings/${number}/advance`, { steps: 1 });
      }
    }
    await settled();
    const stats = (await control('GET', '/_control/stats')).webhooks;
    expect(stats.duplicates + stats.reordered).toBeGreaterThan(0);
    expect(counts.ignored).toBeGreaterThan(0);
    expect(counts.refused).toBe(0);

    const { found } = await client.getTrackInfo(parcels.map((number) => ({ number })));
    for (const truth of found) {
      const mine = stored.get(truth.number);
      expect(mine?.status).toBe('Delivered');
      expect(mine).toMatchObject({ status: truth.status, latestEventAt: truth.latestEventAt });
      expect(mine?.events).toEqual(truth.events);
    }
  });

  it('keep a stopped tracking readable: the stop marks it, later or older deliveries change nothing', async () => {
    await client.register([{ number: 'RR123456789CN' }]);
    await control('POST', '/_control/trackings/RR123456789CN/advance', { steps: 4 });
    await settled();
    const before = structuredClone(stored.get('RR123456789CN'));
    expect(before).toMatchObject({ status: 'InTransit', isStopped: false });
    expect(before?.events).toHaveLength(4);
    await client.stopTrack([{ number: 'RR123456789CN' }]);
    await settled();
    expect(stored.get('RR123456789CN')).toEqual({ ...before, isStopped: true });
  });

  it('a forged delivery is refused and changes nothing', async () => {
    await client.register([{ number: 'RR123456789CN' }]);
    await control('POST', '/_control/trackings/RR123456789CN/advance', { steps: 2 });
    await settled();
    const before = structuredClone(stored.get('RR123456789CN'));
    const body = JSON.stringify({ event: 'TRACKING_UPDATED', data: { number: 'RR123456789CN', track_info: { latest_status: { status: 'Delivered', sub_status: 'Delivered_Other' }, tracking: { providers: [{ events: [{ time_iso: '2099-01-01T00:00:00Z', sub_status: 'Delivered_Other', description: 'Delivered' }] }] } } } });
    const response = await fetch(receiverUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', sign: signTrackingWebhook(body, 'guessed-key') }, body });
    expect(response.status).toBe(400);
    expect(stored.get('RR123456789CN')).toEqual(before);
  });
});
