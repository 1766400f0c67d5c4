/**
 * CLI: `node --import tsx sandboxes/mail-sink/server.ts` — the demo's mailbox. Ferry sends through
 * it (SMTP_URL=smtp://127.0.0.1:8025) and every message, password-reset links included, can be read
 * at http://localhost:8026 (JSON at /messages). Ferry's own outbox keeps those links redacted.
 */
import http from 'node:http';
import { startMailSink, type CapturedMail, type MailSink } from './smtp-sink';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(messages: readonly CapturedMail[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<article><h2>${escape(m.subject || '(no subject)')}</h2><p><small>#${m.id} · ${escape(m.receivedAt)} · to ${escape(m.to.join(', '))}</small></p><pre>${escape(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry mail sandbox</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap;overflow-wrap:anywhere}</style>
</head><body><h1>Ferry mail sandbox</h1><p>${messages.length} message(s), newest first. Nothing here leaves this machine.</p>${rows}</body></html>`;
}

function serveHttp(sink: MailSink, port: number, host: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (url.pathname === '/messages' && req.method === 'DELETE') {
      sink.clear();
      return void res.writeHead(204).end();
    }
    if (url.pathname === '/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const found = [...sink.messages].reverse().filter((m) => !to || m.to.some((a) => a.toLowerCase() === to));
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages: found.map((m) => ({ id: m.id, from: m.from, to: m.to, subject: m.subject, text: m.text, receivedAt: m.receivedAt })) }));
    }
    if (url.pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(sink.messages));
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"Unknown path"}}');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function main(): Promise<void> {
  const smtpPort = Number(process.env.MAIL_SINK_SMTP_PORT || 8025);
  const httpPort = Number(process.env.MAIL_SINK_HTTP_PORT || 8026);
  const host = process.env.MAIL_SINK_HOST || '127.0.0.1';
  const sink = await startMailSink({ port: smtpPort, host, log: (line) => console.error(`mail-sink: ${line}`) });
  const server = await serveHttp(sink, httpPort, host);
  console.log(`mail-sink: SMTP on ${sink.smtpUrl}, mailbox on http://localhost:${httpPort}`);
  const stop = () => {
    server.close();
    void sink.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`mail-sink: ${(error as Error).message}`);
  process.exit(1);
});
