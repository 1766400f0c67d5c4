import { spawn } from 'node:child_process';
import { onCleanup } from './server';

/*
 * The 1688 sandbox as a child process of the sync benchmark (so its CPU is not the sync's), with
 * helpers for its control API (`/__sandbox/…`).
 */

export type SandboxChild = {
  url: string;
  pid: number;
  control(path: string, body?: unknown, method?: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
};

export async function startSandboxChild(offers: number, env: Record<string, string> = {}): Promise<SandboxChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandboxes/alibaba-1688/server.ts'], {
    env: { ...process.env, PORT: '0', ALIBABA_SANDBOX_OFFERS: String(offers), ALIBABA_SANDBOX_RATE: '1000', ALIBABA_SANDBOX_PUSH_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const unregister = onCleanup(stop);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${stderr.trim().slice(0, 500)}`)));
    setTimeout(() => reject(new Error('sandbox did not start within 30 s')), 30_000).unref();
  });
  return {
    url,
    pid: child.pid!,
    async control(path, body, method = body === undefined ? 'GET' : 'POST') {
      const response = await fetch(`${url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    async stop() {
      unregister();
      await stop();
    },
  };
}
