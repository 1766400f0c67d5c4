import { afterEach, describe, expect, it } from 'vitest';
import { isValidTrackingSign } from '../../lib/tracking/sign';
import { startTrackingSandbox, type TrackingSandbox, type TrackingSandboxOptions } from './sandbox';
import { startTestReceiver, type ReceivedWebhook, type TestReceiver } from './test-receiver';

const KEY = 'ferry-test-17track-key';
let sandbox: TrackingSandbox | undefined;
let receiver: TestReceiver | undefined;

afterEach(async () => {
  await sandbox?.close();
  await receiver?.close();
  sandbox = receiver = undefined;
});

type Answer = { status: number; body: { code: number; data: { accepted?: Record<string, unknown>[]; rejected?: { number: string; error: { code: number; message: string } }[]; errors?: { code: number }[] } & Record<string, unknown> } };

async function start(options: Partial<TrackingSandboxOptions> = {}, respond?: Parameters<typeof startTestReceiver>[0]): Promise<TrackingSandbox> {
  receiver = await startTestReceiver(respond);
  sandbox = await startTrackingSandbox({ port: 0, key: KEY, webhookUrl: receiver.url, speed: 0, duplicateRate: 0, reorderRate: 0, tickMs: 20, webhookRetry: { baseMs: 20 }, ...options });
  return sandbox;
}

async function api(operation: string, body: unknown, { key = KEY as string | null, version = 'v2.2' } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key !== null) headers['17token'] = key;
  const response = await fetch(`${sandbox!.url}/track/${version}/${operation}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox!.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const subStatusOf = (r: ReceivedWebhook) => r.payload.data.track_info.latest_status.sub_status;

describe('17TRACK API', () => {
  it('refuses a missing or wrong 17token with 17TRACK\'s error and 401, registering nothing', async () => {
    await start();
    for (const key of [null, '', 'wrong-key', `${KEY}x`, KEY.toUpperCase()]) {
      const answer = await api('register', [{ number: 'RR123456789CN' }], { key });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ code: -18010002, data: { errors: [{ code: -18010002, message: 'Access token is invalid.' }] } });
    }
    expect(sandbox!.book.size).toBe(0);
  });

  it('takes at most 40 numbers a call, and refuses a body that is not a non-empty JSON array', async () => {
    await start();
    const numbers = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ number: `${prefix}${String(i).padStart(9, '0')}CN` }));
    const tooMany = await api('register', numbers(41, 'LA'));
    expect(tooMany.status).toBe(200);
    expect(tooMany.body.code).toBe(-18010014);
    expect(tooMany.body.data.errors?.[0]?.code).toBe(-18010014);
    expect(sandbox!.book.size).toBe(0);
    const forty = await api('register', numbers(40, 'LB'));
    expect(forty.body.data.accepted).toHaveLength(40);
    for (const bad of ['{"number":', '{"number":"RR123456789CN"}', '[]', 'null']) expect((await api('register', bad)).body.code).toBe(-18010013);
    expect((await api('gettrackinfo', numbers(41, 'LB'))).body.code).toBe(-18010014);
  });

  it('registers once: a second registration is rejected with -18019901; bad items are rejected one by one', async () => {
    await start();
    const first = await api('register', [{ number: 'RR123456789CN', tag: 'FP-1' }, { number: 'YT2412345678901234', carrier: 190008, param: 'x' }]);
    expect(first.body).toEqual({
      code: 0,
      data: {
        accepted: [
          { origin: 1, number: 'RR123456789CN', carrier: 3011, tag: 'FP-1' },
          { origin: 2, number: 'YT2412345678901234', carrier: 190008, tag: null },
        ],
        rejected: [],
      },
    });
    const again = await api('register', [{ number: 'RR123456789CN' }, { number: 'no spaces allowed' }, { number: 'LC123456789CN', tag: 'x'.repeat(101) }, { number: '12345' }, { carrier: 3011 }, 'junk']);
    expect(again.body.data.accepted).toEqual([]);
    expect(again.body.data.rejected?.map((r) => [r.number, r.error.code])).toEqual([
      ['RR123456789CN', -18019901],
      ['no spaces allowed', -18010012],
      ['LC123456789CN', -18010011],
      ['12345', -18019903],
      ['', -18010010],
      ['', -18010010],
    ]);
    expect(sandbox!.book.size).toBe(2);
    expect((await api('getquota', {})).body.data).toMatchObject({ quota_used: 2, quota_remain: 99_998 });
  });

  it('answers gettrackinfo in 17TRACK\'s shape, events newest first; an unknown number is rejected', async () => {
    await start();
    await api('register', [{ number: 'RR123456789CN', tag: 'FP-1' }]);
    const before = await api('gettrackinfo', [{ number: 'RR123456789CN' }, { number: 'RR000000000CN' }, { number: 'RR123456789CN', carrier: 100001 }]);
    expect(before.body.data.rejected?.map((r) => [r.number, r.error.code])).toEqual([['RR000000000CN', -18019902], ['RR123456789CN', -18019902]]);
    expect(before.body.data.accepted?.[0]).toMatchObject({ number: 'RR123456789CN', carrier: 3011, tag: 'FP-1', track_info: { latest_status: { status: 'NotFound', sub_status: 'NotFound_Other' }, latest_event: null } });

    expect((await control('POST', '/_control/trackings/RR123456789CN/advance', { steps: 5 })).body).toMatchObject({ played: 5, stepsPlayed: 5, status: 'InTransit' });
    const after = await api('gettrackinfo', [{ number: 'rr123456789cn' }], { version: 'v2.4' });
    type Event = { time_utc: string };
    type Info = { latest_status: unknown; latest_event: unknown; time_metrics: object; milestone: { key_stage: string; time_iso: string | null }[]; tracking: { providers: { events: Event[] }[] } };
    const info = after.body.data.accepted?.[0]?.track_info as Info;
    expect(Object.keys(info)).toEqual(expect.arrayContaining(['latest_status', 'latest_event', 'time_metrics', 'milestone', 'tracking']));
    expect(info.latest_status).toEqual({ status: 'InTransit', sub_status: 'InTransit_Departure', sub_status_descr: null });
    expect(info.latest_event).toMatchObject({ sub_status: 'InTransit_Departure', stage: 'Departure', time_iso: expect.stringMatching(/\+08:00$/), location: expect.stringContaining('CN') });
    expect(Object.keys(info.time_metrics)).toEqual(expect.arrayContaining(['days_after_order', 'days_of_transit', 'days_after_last_update', 'estimated_delivery_date']));
    expect(info.milestone.map((m) => m.key_stage)).toEqual(['InfoReceived', 'PickedUp', 'Departure', 'Arrival', 'AvailableForPickup', 'OutForDelivery', 'Delivered', 'Returning', 'Returned']);
    expect(info.milestone.filter((m) => m.time_iso !== null).map((m) => m.key_stage)).toEqual(['InfoReceived', 'PickedUp', 'Departure']);
    const events = info.tracking.providers.flatMap((p) => p.events);
    expect(events).toHaveLength(5);
    const times = events.map((e) => e.time_utc);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(times).size).toBe(5);
  });

  it('stops a tracking: a TRACKING_STOPPED webhook, no more steps, still readable; retrack once', async () => {
    await start({ speed: 1_000_000 });
    sandbox!.clock.setSpeed(0);
    await api('register', [{ number: 'RR123456789CN' }]);
    await control('POST', '/_control/trackings/RR123456789CN/advance', { steps: 3 });
    const stop = await api('stoptrack', [{ number: 'RR123456789CN' }, { number: 'RR000000000CN' }]);
    expect(stop.body.data.accepted).toEqual([{ number: 'RR123456789CN', carrier: 3011 }]);
    expect(stop.body.data.rejected?.[0]?.error.code).toBe(-18019902);
    const stopped = await receiver!.waitFor((r) => r.some((w) => w.payload.event === 'TRACKING_STOPPED'));
    expect(stopped.find((w) => w.payload.event === 'TRACKING_STOPPED')?.payload.data.track_info.latest_status.sub_status).toBe('InTransit_Other');

    sandbox!.clock.setSpeed(1_000_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await api('gettrackinfo', [{ number: 'RR123456789CN' }])).body.data.accepted?.[0]).toMatchObject({ track_info: { latest_status: { sub_status: 'InTransit_Other' } } });
    expect((await control('POST', '/_control/trackings/RR123456789CN/advance', {})).status).toBe(409);
    expect(receiver!.received.filter((w) => w.payload.event === 'TRACKING_UPDATED')).toHaveLength(1);
    expect((await api('stoptrack', [{ number: 'RR123456789CN' }])).body.data.rejected?.[0]?.error.code).toBe(-18019906);

    sandbox!.clock.setSpeed(0);
    expect((await api('retrack', [{ number: 'RR123456789CN' }])).body.data.accepted).toHaveLength(1);
    expect((await api('retrack', [{ number: 'RR123456789CN' }])).body.data.rejected?.[0]?.error.code).toBe(-18019904);
    await api('stoptrack', [{ number: 'RR123456789CN' }]);
    expect((await api('retrack', [{ number: 'RR123456789CN' }])).body.data.rejected?.[0]?.error.code).toBe(-18019905);
  });

  it('answers 429 beyond its call rate, and 404 for paths 17TRACK does not have', async () => {
    await start({ rate: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api('getquota', {})).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(429);
    expect((await fetch(`${sandbox!.url}/track/v2.2/deletetrack`, { method: 'POST', headers: { '17token': KEY }, body: '[]' })).status).toBe(404);
    expect((await fetch(`${sandbox!.url}/track/v2.2/register`, { headers: { '17token': KEY } })).status).toBe(405);
  });
});

describe('control API', () => {
  it('advances by steps or straight to a status, and breaks journeys', async () => {
    await start();
    await api('register', [{ number: 'RR123456789CN' }, { number: 'RR223456789CN' }]);
    const delivered = await control('POST', '/_control/trackings/RR123456789CN/advance', { to: 'Delivered' });
    expect(delivered.body).toMatchObject({ status: 'Delivered', subStatus: 'Delivered_Other', stepsLeft: 0 });
    expect((await control('POST', '/_control/trackings/RR123456789CN/advance', { to: 'Delivered' })).status).toBe(409);
    expect((await control('POST', '/_control/trackings/RR123456789CN/break', { kind: 'lost' })).status).toBe(409);

    expect((await control('POST', '/_control/trackings/RR223456789CN/break', { kind: 'lost' })).body).toMatchObject({ status: 'Exception', subStatus: 'Exception_Lost', stepsLeft: 0 });
    expect((await control('POST', '/_control/trackings/RR223456789CN/advance', { to: 'Delivered' })).status).toBe(409);

    // Expired: 17TRACK's own verdict, the latest status changes while the carrier's latest event stays.
    await api('register', [{ number: 'RR323456789CN' }]);
    expect((await control('POST', '/_control/trackings/RR323456789CN/break', { kind: 'expired' })).status).toBe(409);
    await control('POST', '/_control/trackings/RR323456789CN/advance', { steps: 3 });
    const trackInfo = async () => (await api('gettrackinfo', [{ number: 'RR323456789CN' }])).body.data.accepted![0]!.track_info as { latest_event: unknown; latest_status: unknown };
    const before = await trackInfo();
    expect((await control('POST', '/_control/trackings/RR323456789CN/break', { kind: 'expired', subStatus: 'Exception_Other' })).status).toBe(400);
    expect((await control('POST', '/_control/trackings/RR323456789CN/break', { kind: 'expired' })).body).toMatchObject({ status: 'Expired', subStatus: 'Expired_Other', stepsLeft: 0 });
    const after = await trackInfo();
    expect(after.latest_status).toMatchObject({ status: 'Expired', sub_status: 'Expired_Other' });
    expect(after.latest_event).toEqual(before.latest_event);

    for (const [path, body] of [
      ['/_control/trackings/RR223456789CN/advance', { steps: 0 }],
      ['/_control/trackings/RR223456789CN/advance', { steps: 1.5 }],
      ['/_control/trackings/RR223456789CN/advance', { to: 'Teleported' }],
      ['/_control/trackings/RR223456789CN/advance', { to: 'Delivered', steps: 1 }],
      ['/_control/trackings/RR223456789CN/break', { kind: 'stolen' }],
      ['/_control/trackings/RR223456789CN/break', { kind: 'exception', subStatus: 'Delivered_Other' }],
    ] as const) {
      expect((await control('POST', path, body)).status).toBe(400);
    }
    expect((await control('POST', '/_control/trackings/RR999999999CN/advance', {})).status).toBe(404);
    expect((await control('GET', '/_control/trackings/%E0%A4%A')).status).toBe(400);
    const detail = await control('GET', '/_control/trackings/RR123456789CN');
    expect(detail.body.played).toHaveLength(detail.body.stepsPlayed as number);
  });

  it('changes settings only when all of them are valid, and resets to the start-up ones', async () => {
    await start();
    expect((await control('POST', '/_control/settings', { speed: 60, duplicateRate: 2 })).status).toBe(400);
    expect((await control('POST', '/_control/settings', { speed: -1 })).status).toBe(400);
    expect((await control('POST', '/_control/settings', { colour: 'red' })).status).toBe(400);
    expect((await control('GET', '/_control/settings')).body).toMatchObject({ speed: 0, duplicateRate: 0 });
    expect((await control('POST', '/_control/settings', { speed: 3600, duplicateRate: 0.5, reorderRate: 0.25, holdMs: 100, rate: 3 })).body).toMatchObject({ speed: 3600, duplicateRate: 0.5, reorderRate: 0.25, holdMs: 100, rate: 3 });
    await api('register', [{ number: 'RR123456789CN' }]);
    expect((await control('POST', '/_control/reset')).body).toMatchObject({ speed: 0, duplicateRate: 0, reorderRate: 0, rate: 0 });
    expect(sandbox!.book.size).toBe(0);
    expect((await api('getquota', {})).body.data).toMatchObject({ quota_used: 0 });
  });

  it('plays journeys by itself on a fast clock, from InfoReceived to Delivered', async () => {
    await start({ speed: 2_000_000 });
    await api('register', [{ number: 'RR123456789CN' }]);
    const received = await receiver!.waitFor((r) => r.some((w) => subStatusOf(w) === 'Delivered_Other'));
    const first = received[0]!.payload.data.track_info as unknown as { tracking: { providers: { events: { sub_status: string }[] }[] } };
    expect(first.tracking.providers.flatMap((p) => p.events).at(-1)?.sub_status).toBe('InfoReceived');
    expect((await control('GET', '/_control/stats')).body).toMatchObject({ trackings: { total: 1, byStatus: { Delivered: 1 } } });
  });
});

describe('webhooks', () => {
  it('are signed with sha256(body + "/" + key) over the exact bytes sent', async () => {
    await start();
    await api('register', [{ number: 'RR123456789CN', tag: 'FP-7' }]);
    await control('POST', '/_control/trackings/RR123456789CN/advance', {});
    const [webhook] = await receiver!.waitFor((r) => r.length === 1);
    expect(webhook!.contentType).toBe('application/json');
    expect(isValidTrackingSign(webhook!.body, webhook!.sign, KEY)).toBe(true);
    expect(isValidTrackingSign(webhook!.body, webhook!.sign, 'another-key')).toBe(false);
    expect(webhook!.payload).toMatchObject({ event: 'TRACKING_UPDATED', data: { number: 'RR123456789CN', carrier: 3011, param: null, tag: 'FP-7', track_info: { latest_status: { status: 'InfoReceived' } } } });
  });

  it('go out twice when duplicated', async () => {
    await start({ duplicateRate: 1 });
    await api('register', [{ number: 'RR123456789CN' }]);
    await control('POST', '/_control/trackings/RR123456789CN/advance', { steps: 2 });
    const received = await receiver!.waitFor((r) => r.length === 2);
    expect(received[0]!.body).toBe(received[1]!.body);
    expect((await control('GET', '/_control/stats')).body.webhooks).toMatchObject({ messages: 1, duplicates: 1, delivered: 2 });
  });

  it('arrive out of order when held back: the older update after the newer one', async () => {
    await start({ reorderRate: 1, holdMs: 60_000 });
    await api('register', [{ number: 'RR123456789CN' }]);
    await control('POST', '/_control/trackings/RR123456789CN/advance', { steps: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver!.received).toHaveLength(0);
    await control('POST', '/_control/trackings/RR123456789CN/advance', { steps: 1 });
    const received = await receiver!.waitFor((r) => r.length === 2);
    expect(received.map(subStatusOf)).toEqual(['InTransit_PickedUp', 'InfoReceived']);
    expect((await control('GET', '/_control/stats')).body.webhooks).toMatchObject({ messages: 2, heldBack: 1, reordered: 1 });
  });

  it('sends a held-back update on its own after holdMs when nothing follows', async () => {
    await start({ reorderRate: 1, holdMs: 50 });
    await api('register', [{ number: 'RR123456789CN' }]);
    await control('POST', '/_control/trackings/RR123456789CN/advance', {});
    expect((await receiver!.waitFor((r) => r.length === 1)).map(subStatusOf)).toEqual(['InfoReceived']);
  });

  it('are retried with backoff after a 500 or a dropped connection until acknowledged', async () => {
    await start({}, (_request, index) => (index === 0 ? 500 : index === 1 ? 'drop' : 200));
    await api('register', [{ number: 'RR123456789CN' }]);
    await control('POST', '/_control/trackings/RR123456789CN/advance', {});
    const received = await receiver!.waitFor((r) => r.length === 3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(received[2]!.at - received[0]!.at).toBeGreaterThanOrEqual(20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver!.received).toHaveLength(3);
    expect((await control('GET', '/_control/stats')).body.webhooks).toMatchObject({ messages: 1, attempts: 3, retries: 2, delivered: 1, failed: 0 });
  });
});
