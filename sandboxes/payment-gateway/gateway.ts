import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './api-error';
import { plantedMovements } from './balance-transactions';
import { FormBodyError, parseFormBody } from './form-body';
import { renderMessagePage, renderPayPage } from './pay-page';
import { PaymentStore, type Outcome } from './payment-store';
import { newId } from './stripe-objects';
import { WebhookDispatcher, type DeliveryLog } from './webhook-dispatcher';

/**
 * An offline payment gateway that speaks Stripe's wire protocol (the PaymentIntent, refund,
 * balance transaction and webhook subset Ferry uses), so the `stripe` SDK runs against it unchanged: only host and keys differ.
 */
export type PaymentGatewayOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  secretKey: string;
  webhookUrl: string;
  webhookSecret: string;
  /** Base of the pay-page links handed to shoppers; defaults to the listening URL. */
  publicUrl?: string;
  slowApprovalMs?: number;
  duplicates?: boolean;
  reorder?: boolean;
  retry?: { attempts?: number; baseMs?: number };
  /** Operational lines only (never keys or payloads). Silent by default. */
  log?: (line: string) => void;
};

export type PaymentGateway = { url: string; close(): Promise<void>; deliveries(): DeliveryLog[] };
export type { DeliveryLog };

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_IDEMPOTENCY_KEYS = 10_000;
// A benchmark plants a day's movements in a few requests.
const MAX_PLANT_BYTES = 64 * 1024 * 1024;
const OUTCOMES = new Set<string>(['success', 'decline', 'slow']);

type Reply = { status: number; body: unknown };
type Saved = { fingerprint: string; reply: Reply };

export async function startPaymentGateway(options: PaymentGatewayOptions): Promise<PaymentGateway> {
  const log = options.log ?? (() => {});
  const keyDigest = digest(options.secretKey);
  const dispatcher = new WebhookDispatcher({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    duplicates: options.duplicates ?? true,
    reorder: options.reorder ?? true,
    retry: { attempts: Math.max(1, options.retry?.attempts ?? 8), baseMs: Math.max(0, options.retry?.baseMs ?? 500) },
    log,
  });
  let publicUrl = '';
  const store = new PaymentStore({
    payUrl: (id) => `${publicUrl}/pay/${id}`,
    slowApprovalMs: options.slowApprovalMs ?? 4000,
    emit: (event) => dispatcher.dispatch(event),
  });
  const idempotent = new Map<string, Saved>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ApiError) return sendJson(res, error.status, error.toJSON());
      if (error instanceof FormBodyError) return sendJson(res, 400, new ApiError(400, 'invalid_request_error', error.message).toJSON());
      log(`internal error: ${(error as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, new ApiError(500, 'api_error', 'An unknown error occurred').toJSON());
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/healthz' && (method === 'GET' || method === 'HEAD')) return sendJson(res, 200, { ok: true });
    if (path === '/__sandbox/deliveries' && method === 'GET') return sendJson(res, 200, { data: dispatcher.deliveries() });
    // Test control: movements only the gateway knows of, and figures that differ from Ferry's.
    if (path === '/__sandbox/balance_transactions' && method === 'POST') {
      const planted = plantedMovements(parseJson(await readBody(req, MAX_PLANT_BYTES)));
      return sendJson(res, 200, { data: planted.map((movement) => store.balance.plant(movement)) });
    }
    const altered = /^\/__sandbox\/balance_transactions\/([^/]+)$/.exec(path);
    if (altered && method === 'POST') return sendJson(res, 200, store.balance.alter(decode(altered[1]!), parseJson(await readBody(req)) as { amount?: number; currency?: string }));

    const pay = /^\/pay\/([^/]+)$/.exec(path);
    if (pay && method === 'GET') return payPage(res, decode(pay[1]!));
    if (pay && method === 'POST') return payChoice(req, res, decode(pay[1]!));

    const scripted = /^\/__sandbox\/intents\/([^/]+)\/(succeed|fail)$/.exec(path);
    if (scripted && method === 'POST') {
      req.resume();
      const id = decode(scripted[1]!);
      store.settle(id, scripted[2] === 'succeed' ? 'success' : 'decline');
      return sendJson(res, 200, store.getIntent(id));
    }

    if (path.startsWith('/v1/')) {
      if (!isAuthorized(req.headers.authorization)) {
        req.resume();
        const message = req.headers.authorization
          ? 'Invalid API Key provided.'
          : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
        return sendJson(res, 401, new ApiError(401, 'invalid_request_error', message).toJSON());
      }
      if (method !== 'POST') req.resume();
      const body = method === 'POST' ? await readBody(req) : '';
      const key = method === 'POST' ? header(req, 'idempotency-key') : undefined;
      if (key === undefined) {
        const reply = api(method, path, method === 'GET' ? query(req.url) : body);
        return sendJson(res, reply.status, reply.body);
      }
      return idempotentApi(res, key, method, path, body);
    }

    req.resume();
    sendJson(res, 404, { error: 'not found' });
  }

  /** `body` is the form body of a POST, the query string of a GET. */
  function api(method: string, path: string, body: string): Reply {
    const params = () => parseFormBody(body);
    if (method === 'GET' && path === '/v1/balance_transactions') return { status: 200, body: store.balance.list(params()) };
    const txn = /^\/v1\/balance_transactions\/([^/]+)$/.exec(path);
    if (txn && method === 'GET') return { status: 200, body: store.balance.get(decode(txn[1]!)) };
    if (method === 'POST' && path === '/v1/payment_intents') return { status: 200, body: store.createIntent(params()) };
    if (method === 'POST' && path === '/v1/refunds') return { status: 200, body: store.createRefund(params()) };
    const intent = /^\/v1\/payment_intents\/([^/]+)(\/cancel)?$/.exec(path);
    if (intent && method === 'GET' && !intent[2]) return { status: 200, body: store.getIntent(decode(intent[1]!)) };
    if (intent && method === 'POST' && intent[2]) return { status: 200, body: store.cancelIntent(decode(intent[1]!), params()) };
    const refund = /^\/v1\/refunds\/([^/]+)$/.exec(path);
    if (refund && method === 'GET') return { status: 200, body: store.getRefund(decode(refund[1]!)) };
    const event = /^\/v1\/events\/([^/]+)$/.exec(path);
    if (event && method === 'GET') return { status: 200, body: store.getEvent(decode(event[1]!)) };
    throw new ApiError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  // Stripe replays the first successful response for a key and refuses the key with other parameters.
  function idempotentApi(res: http.ServerResponse, key: string, method: string, path: string, body: string): void {
    const fingerprint = `${method} ${path}\n${body}`;
    const saved = idempotent.get(key);
    if (saved && saved.fingerprint !== fingerprint) {
      const message = `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`;
      return sendJson(res, 400, new ApiError(400, 'idempotency_error', message).toJSON());
    }
    if (saved) {
      res.setHeader('Idempotent-Replayed', 'true');
      return sendJson(res, saved.reply.status, saved.reply.body);
    }
    const reply = api(method, path, body);
    // Stored as JSON text so later changes to the object do not alter the replayed response.
    idempotent.set(key, { fingerprint, reply: { status: reply.status, body: JSON.parse(JSON.stringify(reply.body)) } });
    if (idempotent.size > MAX_IDEMPOTENCY_KEYS) idempotent.delete(idempotent.keys().next().value!);
    sendJson(res, reply.status, reply.body);
  }

  function payPage(res: http.ServerResponse, id: string): void {
    let page: string;
    try {
      page = renderPayPage(store.getIntent(id), store.returnUrl(id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return sendHtml(res, 404, renderMessagePage('This payment does not exist.'));
      throw error;
    }
    sendHtml(res, 200, page);
  }

  async function payChoice(req: http.IncomingMessage, res: http.ServerResponse, id: string): Promise<void> {
    const form = parseFormBody(await readBody(req));
    try {
      store.getIntent(id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return sendHtml(res, 404, renderMessagePage('This payment does not exist.'));
      throw error;
    }
    if (!store.isPayable(id)) return sendHtml(res, 409, renderPayPage(store.getIntent(id), store.returnUrl(id)));
    const outcome = form.outcome;
    if (typeof outcome !== 'string' || !OUTCOMES.has(outcome)) return sendHtml(res, 400, renderMessagePage('Choose one of the buttons to finish the payment.'));
    const result = store.settle(id, outcome as Outcome);
    const returnUrl = store.returnUrl(id);
    if (!returnUrl) return sendHtml(res, 200, renderMessagePage(`Payment ${result}. You can close this page.`));
    const target = new URL(returnUrl);
    target.searchParams.set('payment_intent', id);
    target.searchParams.set('payment', result);
    res.writeHead(303, { Location: target.toString(), 'Content-Length': 0 }).end();
  }

  function isAuthorized(value: string | undefined): boolean {
    // Bearer is what the SDK sends; Basic with the key as user name is what `curl -u sk_…:` sends.
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '')?.[1];
    const basic = /^Basic\s+(\S+)\s*$/i.exec(value ?? '')?.[1];
    const key = bearer ?? (basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] : undefined);
    // Comparing digests keeps the comparison constant-time whatever the key's length.
    return key !== undefined && timingSafeEqual(digest(key), keyDigest);
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');

  let closing: Promise<void> | undefined;
  return {
    url,
    deliveries: () => dispatcher.deliveries(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        dispatcher.close();
        store.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
      return closing;
    },
  };
}

function readBody(req: http.IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.destroy();
        reject(new ApiError(413, 'invalid_request_error', 'Request body too large.'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function query(url: string | undefined): string {
  const at = (url ?? '').indexOf('?');
  return at === -1 ? '' : (url ?? '').slice(at + 1);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_request_error', 'The body must be JSON.');
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Request-Id': newId('req', 14) });
  res.end(text);
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  });
  res.end(html);
}
