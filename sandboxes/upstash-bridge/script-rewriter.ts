import { createHash } from 'node:crypto';
import type { RespValue } from './resp';

/**
 * Upstash accepts Lua shebangs that Redis 7.0 rejects (`#!lua flags=allow-key-locking`, sent by
 * @upstash/ratelimit ≥2.1), so the bridge drops the shebang line before Redis sees the script.
 * Clients address scripts by the SHA-1 of the text *they* sent, so every stripped script's
 * original hash is remembered and translated on the way in (EVALSHA, SCRIPT EXISTS) and out
 * (SCRIPT LOAD's reply).
 */
export type Rewritten = { args: string[]; mapReply: (reply: RespValue) => RespValue };

const identity = (reply: RespValue): RespValue => reply;
const SHEBANG = /^#!lua(?:[ \t\r][^\n]*)?(?=\n|$)/;

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** Removes a `#!lua …` first line but keeps its newline, so Lua error line numbers still match. */
export function stripShebang(script: string): string | undefined {
  const match = SHEBANG.exec(script);
  return match ? script.slice(match[0].length) : undefined;
}

export class ScriptRewriter {
  /** original sha → sha Redis knows; insertion-ordered so the oldest entry is evicted first. */
  private readonly strippedShaByOriginal = new Map<string, string>();

  constructor(private readonly maxEntries = 1024) {}

  rewrite(command: readonly string[]): Rewritten {
    const name = (command[0] ?? '').toUpperCase();
    const args = [...command];
    switch (name) {
      case 'EVAL':
      case 'EVAL_RO':
        this.stripAt(args, 1);
        return { args, mapReply: identity };
      case 'EVALSHA':
      case 'EVALSHA_RO':
        this.translateAt(args, 1);
        return { args, mapReply: identity };
      case 'SCRIPT': {
        const sub = (args[1] ?? '').toUpperCase();
        if (sub === 'LOAD' && args.length === 3) {
          const originalSha = this.stripAt(args, 2);
          // Redis answers with the stripped script's sha; the client expects the one it computed.
          if (originalSha) return { args, mapReply: (reply) => (Buffer.isBuffer(reply) ? Buffer.from(originalSha) : reply) };
        }
        if (sub === 'EXISTS') for (let i = 2; i < args.length; i++) this.translateAt(args, i);
        return { args, mapReply: identity };
      }
      default:
        return { args, mapReply: identity };
    }
  }

  /** Strips the script at `index` in place; returns the original sha when it changed anything. */
  private stripAt(args: string[], index: number): string | undefined {
    const script = args[index];
    if (script === undefined) return undefined;
    const stripped = stripShebang(script);
    if (stripped === undefined) return undefined;
    const originalSha = sha1Hex(script);
    this.remember(originalSha, sha1Hex(stripped));
    args[index] = stripped;
    return originalSha;
  }

  private translateAt(args: string[], index: number): void {
    const sha = args[index];
    if (sha === undefined) return;
    // Unknown hashes pass through: Redis answers NOSCRIPT and the client falls back to EVAL,
    // which teaches us the mapping (also after a bridge restart).
    const known = this.strippedShaByOriginal.get(sha.toLowerCase());
    if (known) args[index] = known;
  }

  private remember(originalSha: string, strippedSha: string): void {
    this.strippedShaByOriginal.delete(originalSha);
    this.strippedShaByOriginal.set(originalSha, strippedSha);
    if (this.strippedShaByOriginal.size > this.maxEntries) {
      const oldest = this.strippedShaByOriginal.keys().next();
      if (!oldest.done) this.strippedShaByOriginal.delete(oldest.value);
    }
  }
}
