import { describe, expect, it } from 'vitest';
import { encodeCommand, RespDecoder, RespError, RespProtocolError, type RespValue } from './resp';

const b = (s: string) => Buffer.from(s, 'utf8');

function decodeAll(input: Buffer, chunkSize = input.length): RespValue[] {
  const decoder = new RespDecoder();
  const out: RespValue[] = [];
  for (let i = 0; i < input.length; i += chunkSize) out.push(...decoder.push(input.subarray(i, i + chunkSize)));
  return out;
}

describe('encodeCommand', () => {
  it('writes a RESP array of bulk strings with byte (not character) lengths', () => {
    expect(encodeCommand(['SET', 'k', 'é€']).toString('utf8')).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\né€\r\n');
  });

  it('passes Buffers through untouched, including CRLF and NUL bytes', () => {
    const raw = Buffer.from([0x00, 0x0d, 0x0a, 0xff]);
    const encoded = encodeCommand(['SET', raw]);
    expect(encoded).toEqual(Buffer.concat([b('*2\r\n$3\r\nSET\r\n$4\r\n'), raw, b('\r\n')]));
  });
});

describe('RespDecoder', () => {
  const sample = b('+OK\r\n-ERR wrong type\r\n:42\r\n:-7\r\n$5\r\nhello\r\n$-1\r\n*-1\r\n*0\r\n$0\r\n\r\n');
  const expected: RespValue[] = [b('OK'), new RespError('ERR wrong type'), 42, -7, b('hello'), null, null, [], b('')];

  it('decodes every RESP2 type in one chunk', () => {
    expect(decodeAll(sample)).toEqual(expected);
  });

  it('decodes the same stream fed one byte at a time', () => {
    expect(decodeAll(sample, 1)).toEqual(expected);
  });

  it('decodes nested arrays with nulls, errors and integers inside', () => {
    const input = b('*3\r\n*2\r\n$1\r\na\r\n:1\r\n*2\r\n$-1\r\n-NOSCRIPT No matching script\r\n*1\r\n*0\r\n');
    const want: RespValue[] = [[[b('a'), 1], [null, new RespError('NOSCRIPT No matching script')], [[]]]];
    for (const size of [1, 2, 3, 7, input.length]) expect(decodeAll(input, size)).toEqual(want);
  });

  it('keeps arbitrary bytes in bulk strings, even bytes that look like CRLF', () => {
    const payload = Buffer.from([0x0d, 0x0a, 0x00, 0xff, 0xfe, 0x24, 0x2a]);
    const input = Buffer.concat([b(`$${payload.length}\r\n`), payload, b('\r\n')]);
    const [value] = decodeAll(input, 2);
    expect(Buffer.isBuffer(value)).toBe(true);
    expect(value).toEqual(payload);
  });

  it('returns nothing until a reply is complete, then exactly that reply', () => {
    const decoder = new RespDecoder();
    expect(decoder.push(b('*2\r\n$3\r\nfo'))).toEqual([]);
    expect(decoder.push(b('o\r\n'))).toEqual([]);
    expect(decoder.push(b(':9\r\n:1'))).toEqual([[b('foo'), 9]]);
    expect(decoder.push(b('0\r\n'))).toEqual([10]);
  });

  it('reassembles a large bulk string split across many chunks', () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
    const input = Buffer.concat([b(`$${big.length}\r\n`), big, b('\r\n:5\r\n')]);
    const out = decodeAll(input, 65_536);
    expect(out).toHaveLength(2);
    expect((out[0] as Buffer).equals(big)).toBe(true);
    expect(out[1]).toBe(5);
  });

  it('keeps 64-bit integers exact', () => {
    expect(decodeAll(b(':9223372036854775807\r\n:-9007199254740991\r\n'))).toEqual([9223372036854775807n, -9007199254740991]);
  });

  it('rejects RESP3 types and malformed lengths instead of guessing', () => {
    expect(() => decodeAll(b('%1\r\n'))).toThrow(RespProtocolError);
    expect(() => decodeAll(b('$abc\r\n'))).toThrow(RespProtocolError);
    expect(() => decodeAll(b('$2\r\nabXY'))).toThrow(RespProtocolError);
  });

  it('forgets a half-read reply after reset', () => {
    const decoder = new RespDecoder();
    decoder.push(b('*2\r\n:1\r\n'));
    decoder.reset();
    expect(decoder.push(b(':3\r\n'))).toEqual([3]);
  });
});
