import net, { type AddressInfo } from 'node:net';
import { parseMail } from './mime';

/** One message as it arrived: the envelope, the decoded subject and text, and the raw source. */
export type CapturedMail = { id: number; from: string; to: string[]; subject: string; text: string; raw: string; receivedAt: string };

export type MailSink = {
  /** `smtp://127.0.0.1:<port>`: what Ferry's SMTP_URL points at. */
  readonly smtpUrl: string;
  readonly port: number;
  /** Newest last. */
  readonly messages: readonly CapturedMail[];
  /** The first message (already received or still to come) that `match` accepts; rejects after `timeoutMs`. */
  waitFor(match: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  clear(): void;
  close(): Promise<void>;
};

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const MAX_KEPT = 500;

/**
 * A local SMTP receiver for development, demo and tests (what Mailpit or MailHog are elsewhere):
 * it accepts every message over plain SMTP (EHLO/HELO, optional AUTH PLAIN/LOGIN with any
 * credentials, MAIL, RCPT, DATA) and keeps the last 500 in memory. No TLS, no relaying: it listens
 * on loopback by default and delivers nothing anywhere.
 */
export async function startMailSink(options: { port?: number; host?: string; log?: (line: string) => void } = {}): Promise<MailSink> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<{ match: (m: CapturedMail) => boolean; resolve: (m: CapturedMail) => void }>();
  const sockets = new Set<net.Socket>();
  let nextId = 1;

  const deliver = (mail: Omit<CapturedMail, 'id'>) => {
    const captured = { id: nextId++, ...mail };
    messages.push(captured);
    if (messages.length > MAX_KEPT) messages.splice(0, messages.length - MAX_KEPT);
    options.log?.(`received #${captured.id} for ${captured.to.join(', ')}: ${captured.subject}`);
    for (const waiter of waiters) {
      if (waiter.match(captured)) {
        waiters.delete(waiter);
        waiter.resolve(captured);
      }
    }
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    serveSession(socket, deliver);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(match, timeoutMs = 10_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (m: CapturedMail) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`mail-sink: no matching message within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear() {
      messages.length = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Deliver = (mail: Omit<CapturedMail, 'id'>) => void;

/** One SMTP conversation (RFC 5321, the subset a submitting client needs). */
function serveSession(socket: net.Socket, deliver: Deliver): void {
  let buffer = '';
  let from = '';
  let to: string[] = [];
  let data: string[] | null = null;
  let dataBytes = 0;
  let auth: 'plain' | 'login-user' | 'login-pass' | null = null;
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 ferry-mail-sink ESMTP ready');

  const command = (line: string) => {
    if (auth) {
      // Any credentials are accepted: the sink only records what it is sent.
      if (auth === 'login-user') return ((auth = 'login-pass'), reply('334 UGFzc3dvcmQ6'));
      auth = null;
      return reply('235 2.7.0 Authentication successful');
    }
    const verb = line.slice(0, 4).toUpperCase();
    const rest = line.slice(4).trim();
    switch (verb) {
      case 'EHLO':
        return reply('250-ferry-mail-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10485760');
      case 'HELO':
        return reply('250 ferry-mail-sink');
      case 'AUTH': {
        const [mechanism, initial] = rest.split(/\s+/);
        if (mechanism?.toUpperCase() === 'PLAIN') return initial ? reply('235 2.7.0 Authentication successful') : ((auth = 'plain'), reply('334 '));
        if (mechanism?.toUpperCase() === 'LOGIN') return initial ? ((auth = 'login-pass'), reply('334 UGFzc3dvcmQ6')) : ((auth = 'login-user'), reply('334 VXNlcm5hbWU6'));
        return reply('504 5.5.4 Unrecognized authentication type');
      }
      case 'MAIL':
        from = /<([^>]*)>/.exec(rest)?.[1] ?? '';
        to = [];
        return reply('250 2.1.0 OK');
      case 'RCPT': {
        const address = /<([^>]*)>/.exec(rest)?.[1];
        if (!address) return reply('501 5.1.3 Bad recipient address syntax');
        to.push(address);
        return reply('250 2.1.5 OK');
      }
      case 'DATA':
        if (to.length === 0) return reply('503 5.5.1 RCPT first');
        data = [];
        dataBytes = 0;
        return reply('354 End data with <CR><LF>.<CR><LF>');
      case 'RSET':
        from = '';
        to = [];
        return reply('250 2.0.0 OK');
      case 'NOOP':
        return reply('250 2.0.0 OK');
      case 'VRFY':
        return reply('252 2.1.5 Cannot verify');
      case 'QUIT':
        reply('221 2.0.0 Bye');
        return socket.end();
      default:
        return reply('502 5.5.2 Command not implemented');
    }
  };

  const dataLine = (line: string) => {
    if (line === '.') {
      const raw = data!.join('\r\n');
      data = null;
      if (dataBytes > MAX_MESSAGE_BYTES) return reply('552 5.3.4 Message too big');
      const parsed = parseMail(raw);
      deliver({ from, to, subject: parsed.subject, text: parsed.text, raw, receivedAt: new Date().toISOString() });
      from = '';
      to = [];
      return reply('250 2.0.0 OK: queued');
    }
    dataBytes += line.length + 2;
    // Dot-stuffing (RFC 5321 4.5.2): a leading dot was doubled by the client.
    if (dataBytes <= MAX_MESSAGE_BYTES) data!.push(line.startsWith('.') ? line.slice(1) : line);
  };

  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (data) dataLine(line);
      else command(line);
    }
    if (!data && buffer.length > 4096) socket.destroy();
  });
}
