import { connect, type Socket } from 'node:net';

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * Sends an HTTP/1.1 request over a bare socket, so a test controls exactly what the server sees: a
 * Content-Length that is true, understated or absent (chunked), and a body far larger than any cap.
 * The body is written in 1 MB pieces until the server answers (or all is sent); the first response
 * is parsed and returned, then the socket is closed. `status: 0` if the server closed without one.
 */
export function rawRequest(
  origin: string,
  options: { method?: string; path: string; headers?: Record<string, string>; bodyBytes?: number; framing: 'content-length' | 'chunked' | { contentLength: number }; localAddress?: string },
): Promise<RawResponse> {
  const url = new URL(origin);
  const total = options.bodyBytes ?? 0;
  // Keep-alive (no Connection: close): Node's server then drains what it did not read instead of
  // closing on unread data, whose TCP reset could discard the answer before the test reads it.
  const lines = [`${options.method ?? 'POST'} ${options.path} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`);
  if (options.framing === 'chunked') lines.push('Transfer-Encoding: chunked');
  else lines.push(`Content-Length: ${options.framing === 'content-length' ? total : options.framing.contentLength}`);
  const piece = Buffer.alloc(Math.min(1 << 20, Math.max(total, 1)), 'x');

  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname, port: Number(url.port), localAddress: options.localAddress });
    let received = Buffer.alloc(0);
    let answer: RawResponse | null = null;
    const finish = () => {
      socket.destroy();
      // Closed without a framed body (Node's own 400 for a malformed request): take what is there.
      const text = received.toString('utf8');
      resolve(answer ?? { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), headers: {}, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    };
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      answer = parseResponse(received);
      if (answer) finish();
    });
    socket.on('error', () => finish()); // a reset while we were still sending: whatever was answered stands
    socket.on('close', finish);
    socket.setTimeout(30_000, () => reject(new Error(`no answer from ${options.path} in 30 s`)));
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    let sent = 0;
    const pump = () => {
      while (sent < total && !answer && !socket.destroyed) {
        const size = Math.min(piece.length, total - sent);
        const data = options.framing === 'chunked' ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), piece.subarray(0, size), Buffer.from('\r\n')]) : piece.subarray(0, size);
        sent += size;
        if (!socket.write(data)) return void socket.once('drain', pump);
      }
      if (sent >= total && options.framing === 'chunked' && !socket.destroyed) socket.write('0\r\n\r\n');
    };
    pump();
  });
}

/** The first complete response in `data` (Content-Length or chunked body), or null while incomplete. */
function parseResponse(data: Buffer): RawResponse | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...headerLines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  let rest = data.subarray(end + 4);
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return rest.length >= length ? { status, headers, body: rest.subarray(0, length).toString('utf8') } : null;
  }
  if (headers['transfer-encoding'] !== 'chunked') return null; // read until close
  const parts: Buffer[] = [];
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    if (lineEnd < 0) return null;
    const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
    if (size === 0) return { status, headers, body: Buffer.concat(parts).toString('utf8') };
    if (rest.length < lineEnd + 2 + size + 2) return null;
    parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
    rest = rest.subarray(lineEnd + 2 + size + 2);
  }
}
