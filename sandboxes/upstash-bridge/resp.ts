/**
 * Minimal RESP2 codec for the Upstash bridge. Raw RESP rather than a client library: libraries
 * reshape replies (ioredis turns HGETALL into an object), while the Upstash wire format is the
 * plain reply tree. Bulk strings stay Buffers because values may be arbitrary bytes.
 */

/** An error reply (`-ERR …`). A value, not a thrown Error: replies inside arrays can be errors. */
export class RespError {
  constructor(readonly message: string) {}
}

/** The stream is not RESP2 (or uses RESP3 types we never ask for): the connection is unusable. */
export class RespProtocolError extends Error {
  override name = 'RespProtocolError';
}

/** Integers beyond 2^53 stay exact as bigint so they can be written to JSON digit for digit. */
export type RespValue = Buffer | number | bigint | null | RespError | RespValue[];

const CRLF = Buffer.from('\r\n');

export function encodeCommand(args: ReadonlyArray<Buffer | string>): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = typeof arg === 'string' ? Buffer.from(arg, 'utf8') : arg;
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, CRLF);
  }
  return Buffer.concat(parts);
}

type Frame = { items: RespValue[]; remaining: number };

/**
 * Streaming decoder. Keeps partially received arrays on a stack so a long reply arriving in many
 * chunks is parsed once (linear), and waits for a large bulk string's full length before
 * concatenating chunks instead of re-copying the buffer on every chunk.
 */
export class RespDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  private queued: Buffer[] = [];
  private queuedBytes = 0;
  /** Bytes `buffer` must hold before another parse attempt can make progress. */
  private needed = 0;
  private readonly stack: Frame[] = [];

  /** Feeds bytes; returns every top-level reply completed by them, in order. */
  push(chunk: Buffer): RespValue[] {
    this.queued.push(chunk);
    this.queuedBytes += chunk.length;
    if (this.buffer.length + this.queuedBytes < this.needed) return [];
    const buf = this.queued.length === 1 && this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, ...this.queued]);
    this.queued = [];
    this.queuedBytes = 0;

    const replies: RespValue[] = [];
    let offset = 0;
    for (;;) {
      const step = this.readElement(buf, offset);
      if (step.kind === 'incomplete') {
        this.buffer = buf.subarray(offset);
        this.needed = step.needed - offset;
        return replies;
      }
      offset = step.next;
      if (step.kind === 'value') this.attach(step.value, replies);
    }
  }

  /** Drops any partial state, e.g. after the connection it belonged to was closed. */
  reset(): void {
    this.buffer = Buffer.alloc(0);
    this.queued = [];
    this.queuedBytes = 0;
    this.needed = 0;
    this.stack.length = 0;
  }

  private attach(value: RespValue, replies: RespValue[]): void {
    let current = value;
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        replies.push(current);
        return;
      }
      top.items.push(current);
      top.remaining -= 1;
      if (top.remaining > 0) return;
      this.stack.pop();
      current = top.items;
    }
  }

  private readElement(
    buf: Buffer,
    offset: number,
  ): { kind: 'value'; value: RespValue; next: number } | { kind: 'header'; next: number } | { kind: 'incomplete'; needed: number } {
    if (offset >= buf.length) return { kind: 'incomplete', needed: offset + 1 };
    const lineEnd = buf.indexOf(CRLF, offset + 1);
    if (lineEnd === -1) return { kind: 'incomplete', needed: buf.length + 1 };
    const type = buf[offset];
    const afterLine = lineEnd + 2;
    switch (type) {
      case 0x2b: // '+' simple string: kept as bytes so encoding rules treat it like any string
        return { kind: 'value', value: buf.subarray(offset + 1, lineEnd), next: afterLine };
      case 0x2d: // '-'
        return { kind: 'value', value: new RespError(buf.toString('utf8', offset + 1, lineEnd)), next: afterLine };
      case 0x3a: // ':'
        return { kind: 'value', value: parseInteger(buf.toString('latin1', offset + 1, lineEnd)), next: afterLine };
      case 0x24: {
        // '$'
        const length = parseLength(buf.toString('latin1', offset + 1, lineEnd));
        if (length === -1) return { kind: 'value', value: null, next: afterLine };
        const end = afterLine + length;
        if (buf.length < end + 2) return { kind: 'incomplete', needed: end + 2 };
        if (buf[end] !== 0x0d || buf[end + 1] !== 0x0a) throw new RespProtocolError('bulk string not terminated by CRLF');
        return { kind: 'value', value: buf.subarray(afterLine, end), next: end + 2 };
      }
      case 0x2a: {
        // '*'
        const count = parseLength(buf.toString('latin1', offset + 1, lineEnd));
        if (count === -1) return { kind: 'value', value: null, next: afterLine };
        if (count === 0) return { kind: 'value', value: [], next: afterLine };
        this.stack.push({ items: [], remaining: count });
        return { kind: 'header', next: afterLine };
      }
      default:
        throw new RespProtocolError(`unexpected RESP type byte 0x${(type ?? 0).toString(16)}`);
    }
  }
}

function parseInteger(text: string): number | bigint {
  if (!/^-?\d+$/.test(text)) throw new RespProtocolError(`invalid integer reply ${JSON.stringify(text)}`);
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

function parseLength(text: string): number {
  if (!/^(-1|\d+)$/.test(text)) throw new RespProtocolError(`invalid length ${JSON.stringify(text)}`);
  return Number(text);
}
