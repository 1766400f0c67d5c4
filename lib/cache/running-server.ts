import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where `npm run demo` records the server it started while it runs (scripts/demo.sh), under var/. */
export const runningServerFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../var/run/server.json');

const runningServer = z.object({ siteUrl: z.url(), database: z.string().min(1), pid: z.number().int().positive() });

type Options = {
  /** The CLI's own settings (parsed env): SITE_URL already follows PORT when only PORT is given. */
  env: { SITE_URL: string; DATABASE_URL: string };
  /** The raw environment, to tell a SITE_URL or PORT the user gave from a default. */
  source?: Record<string, string | undefined>;
  file?: string;
};

/**
 * The origin of the server a CLI's writes belong to (cache revalidation). SITE_URL or PORT in the
 * environment decide, exactly as for the server (SITE_URL, else http://localhost:$PORT). With
 * neither, a demo started from this checkout on another port is found through the record demo.sh
 * keeps while it runs, if that server is still alive and serves the database this CLI writes to
 * (another database's server caches none of these rows); otherwise the default origin.
 */
export function serverOrigin({ env, source = process.env, file = runningServerFile }: Options): string {
  if (source.SITE_URL || source.PORT) return env.SITE_URL;
  const running = readRunningServer(file);
  if (running && running.database === databaseOf(env.DATABASE_URL) && isAlive(running.pid)) return running.siteUrl;
  return env.SITE_URL;
}

function readRunningServer(file: string): z.infer<typeof runningServer> | null {
  try {
    const parsed = runningServer.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // no demo running (or a half-written record): the default origin
  }
}

function databaseOf(databaseUrl: string): string {
  return new URL(databaseUrl).pathname.slice(1);
}

/** Signal 0 checks that the process exists; EPERM means it does, under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
