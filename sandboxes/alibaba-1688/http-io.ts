import type http from 'node:http';
import { gatewayErrors } from './gateway-error';

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(gatewayErrors.param('Request body too large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Query string and form body merged, the way the 1688 gateway accepts parameters in either. */
export async function readParams(req: http.IncomingMessage): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(req.url ?? '/', 'http://sandbox').searchParams) params[key] = value;
  if (req.method === 'POST') {
    for (const [key, value] of new URLSearchParams(await readBody(req))) params[key] = value;
  } else req.resume();
  return params;
}

/**
 * JSON with bigint written as a bare number: 1688 order ids are 18-digit Longs, beyond what a
 * JS number holds exactly, and the real gateway sends them unquoted. Clients must cope.
 */
export function stringifyWire(body: unknown): string {
  try {
    // Most answers (every catalog page) hold no bigint; a replacer would triple their cost.
    return JSON.stringify(body);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const marked = JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? `\u0000big:${value}` : value));
  return marked.replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = stringifyWire(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Parses a JSON-valued parameter (1688 passes structured params as JSON text). */
export function jsonParam(params: Readonly<Record<string, string>>, name: string): unknown {
  const text = params[name];
  if (text === undefined || text === '') throw gatewayErrors.param(`Missing required parameter: ${name}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw gatewayErrors.param(`Parameter ${name} is not valid JSON`);
  }
}
