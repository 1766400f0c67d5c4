import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlibaba1688Sandbox, type Alibaba1688Sandbox } from './sandbox';
import { signApiCall } from '../../lib/suppliers/alibaba-1688/sign';

const APP_KEY = '8068168';
const SECRET = 'ferry-demo-1688-secret';
const PATH = `param2/1/com.alibaba.product/alibaba.cross.productInfo/${APP_KEY}`;
let sandbox: Alibaba1688Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startAlibaba1688Sandbox({ appKey: APP_KEY, appSecret: SECRET, refreshToken: 'refresh-token-1', offers: 10, seed: 'ferry-demo', rate: 1_000, tokenTtlSeconds: 60, pushUrl: null });
  const grant = await fetch(`${sandbox.url}/openapi/http/1/system.oauth2/getToken/${APP_KEY}`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: APP_KEY, client_secret: SECRET, refresh_token: 'refresh-token-1' }),
  });
  token = ((await grant.json()) as { access_token: string }).access_token;
});
afterAll(() => sandbox?.close());

async function call(params: Record<string, string>, options: { path?: string; sign?: boolean; method?: 'GET' | 'POST' } = {}) {
  const path = options.path ?? PATH;
  const form = { ...params };
  if (options.sign !== false) form._aop_signature = signApiCall(path, form, SECRET);
  const query = options.method === 'GET' ? `?${new URLSearchParams(form)}` : '';
  const response = await fetch(`${sandbox.url}/openapi/${path}${query}`, { method: options.method ?? 'POST', body: options.method === 'GET' ? undefined : new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the sandbox gateway', () => {
  const offerId = () => sandbox.world.live(0).offer.offerId;
  const fresh = () => ({ access_token: token, _aop_timestamp: String(Date.now()), productId: offerId() });

  it('answers a properly signed call, by POST form or GET query', async () => {
    for (const method of ['POST', 'GET'] as const) {
      const { status, body } = await call(fresh(), { method });
      expect(status).toBe(200);
      expect(body).toMatchObject({ success: true, productInfo: { productID: Number(offerId()), status: 'published' } });
    }
  });

  it('refuses what the real gateway refuses, in its error shape', async () => {
    const cases: [Record<string, string>, Parameters<typeof call>[1], number, string][] = [
      [fresh(), { sign: false }, 400, 'gw.SignatureInvalid'],
      [{ ...fresh(), _aop_signature: 'A'.repeat(40) }, { sign: false }, 400, 'gw.SignatureInvalid'],
      [fresh(), { path: 'param2/1/com.alibaba.product/alibaba.cross.productInfo/1234' }, 400, 'gw.AppKeyNotExist'],
      [{ ...fresh(), _aop_timestamp: String(Date.now() - 3_600_000) }, {}, 400, 'gw.TimestampInvalid'],
      [{ _aop_timestamp: String(Date.now()), productId: offerId() }, {}, 401, '401'],
      [{ ...fresh(), access_token: 'made-up' }, {}, 401, 'gw.AccessTokenInvalid'],
      [fresh(), { path: `param2/1/com.alibaba.product/alibaba.nothing/${APP_KEY}` }, 404, 'gw.APINotFound'],
    ];
    for (const [params, options, status, code] of cases) {
      const answer = await call(params, options);
      expect([answer.status, answer.body.error_code]).toEqual([status, code]);
      expect(answer.body).toHaveProperty('error_message');
      expect(answer.body).toHaveProperty('exception');
    }
  });

  it('expires tokens on request, and answers business failures with HTTP 200', async () => {
    const missing = await call({ ...fresh(), productId: '600000000001' });
    expect(missing).toEqual({ status: 200, body: { success: false, code: '404', message: '商品[600000000001]不存在' } });
    await fetch(`${sandbox.url}/__sandbox/tokens/expire`, { method: 'POST' });
    const expired = await call(fresh());
    expect([expired.status, expired.body.error_code]).toEqual([401, 'gw.AccessTokenExpired']);
  });

  it('applies image faults only when images are named', async () => {
    const image = sandbox.world.live(0).offer.images[0]!.replace('https://cbu01.alicdn.com', sandbox.url);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ errorRate: 1 }) });
    expect((await fetch(image)).status).toBe(200);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ apis: ['img'] }) });
    expect((await fetch(image)).status).toBe(503);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    expect((await fetch(image)).status).toBe(200);
  });
});

describe('automatic shipping (the demo)', () => {
  it('ships a paid order in one parcel after the configured delay, and leaves unpaid orders alone', async () => {
    const auto = await startAlibaba1688Sandbox({ appKey: APP_KEY, appSecret: SECRET, refreshToken: 'refresh-token-2', offers: 10, seed: 'ferry-demo', rate: 1_000, tokenTtlSeconds: 60, pushUrl: null, autoShipSeconds: 0.2 });
    try {
      const grant = await fetch(`${auto.url}/openapi/http/1/system.oauth2/getToken/${APP_KEY}`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: APP_KEY, client_secret: SECRET, refresh_token: 'refresh-token-2' }),
      });
      const accessToken = ((await grant.json()) as { access_token: string }).access_token;
      const trade = async (api: string, params: Record<string, string>) => {
        const path = `param2/1/com.alibaba.trade/${api}/${APP_KEY}`;
        const form = { ...params, access_token: accessToken, _aop_timestamp: String(Date.now()) };
        const response = await fetch(`${auto.url}/openapi/${path}`, { method: 'POST', body: new URLSearchParams({ ...form, _aop_signature: signApiCall(path, form, SECRET) }) });
        return (await response.json()) as { result: { orderId?: string; success: boolean } };
      };
      const live = auto.world.live(0);
      const cargo = JSON.stringify([{ offerId: live.offer.offerId, specId: live.offer.skus[0]!.specId, quantity: 1 }]);
      const addressParam = JSON.stringify({ fullName: 'Ferry', mobile: '13800000000', provinceText: '广东省', cityText: '深圳市', address: '1 号' });
      const place = async () => (await trade('alibaba.trade.createCrossOrder', { cargoParamList: cargo, addressParam, flow: 'general' })).result.orderId!;
      const paid = await place();
      const unpaid = await place();
      expect((await trade('alibaba.trade.pay.protocolPay.preparePay', { tradeWithholdPreparePayParam: JSON.stringify({ orderId: paid }) })).result.success).toBe(true);
      const statusOf = async (id: string) => ((await (await fetch(`${auto.url}/__sandbox/orders/${id}`)).json()) as { status: string; packages: unknown[] });
      expect((await statusOf(paid)).status).toBe('waitsellersend');
      await expect.poll(async () => (await statusOf(paid)).status, { timeout: 5_000 }).toBe('waitbuyerreceive');
      expect((await statusOf(paid)).packages).toHaveLength(1);
      expect((await statusOf(unpaid)).status).toBe('waitbuyerpay');
    } finally {
      await auto.close();
    }
  });
});
