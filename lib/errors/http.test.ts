import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { AppError } from './index';
import { errorJson, errorText } from './http';

/** The error mysql2 really gives when nothing listens on the database's port. */
async function refusedConnectionError(): Promise<unknown> {
  return mysql.createConnection({ host: '127.0.0.1', port: 9, user: 'root', connectTimeout: 2000 }).then(
    (c) => c.end().then(() => new Error('unexpectedly connected')),
    (e: unknown) => e,
  );
}

describe('errorJson', () => {
  it('answers a database that cannot be reached with 503, Retry-After and a JSON error, not a 500', async () => {
    const refused = await refusedConnectionError();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    // Drizzle wraps the driver's error; the cause still decides.
    const wrapped = new Error('Failed query: select 1', { cause: refused });
    for (const error of [refused, wrapped]) {
      const res = errorJson(error, { where: '[test]' });
      expect(res.status).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('5');
      const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error).toMatchObject({ code: 'service_unavailable', message: expect.stringMatching(/temporarily unavailable/) });
      expect(body.error.requestId).toBe(res.headers.get('X-Request-Id'));
    }
  });

  it('keeps an AppError status and code, and says nothing about an unexpected error but its request id', async () => {
    const conflict = errorJson(new AppError('out_of_stock', 'Only 2 left', { available: 2 }), { where: '[test]' });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: { code: 'out_of_stock', message: 'Only 2 left' } });

    const limited = errorJson(new AppError('rate_limited', 'Slow down', { retryAfterSeconds: 12 }), { where: '[test]' });
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '12']);

    const bug = errorJson(new TypeError("Cannot read properties of undefined (reading 'secret')"), { where: '[test]', headers: { 'Cache-Control': 'no-store' } });
    expect(bug.status).toBe(500);
    expect(bug.headers.get('Cache-Control')).toBe('no-store');
    const body = (await bug.json()) as { error: Record<string, string> };
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toMatch(/secret/);
  });
});

describe('errorText', () => {
  it('tells a browser the same in plain text', async () => {
    const res = errorText(await refusedConnectionError(), '[test]');
    expect([res.status, res.headers.get('Retry-After'), res.headers.get('Content-Type')]).toEqual([503, '5', 'text/plain; charset=utf-8']);
    expect(await res.text()).toMatch(/temporarily unavailable/);
  });
});
