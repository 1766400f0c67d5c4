import { describe, expect, it } from 'vitest';
import { ScriptRewriter, sha1Hex, stripShebang } from './script-rewriter';

const ratelimitStyle = '#!lua flags=allow-key-locking\nlocal v = redis.call("INCR", KEYS[1])\nreturn v\n';
const stripped = '\nlocal v = redis.call("INCR", KEYS[1])\nreturn v\n';

describe('stripShebang', () => {
  it('drops the shebang line but keeps its newline so Lua line numbers stay aligned', () => {
    expect(stripShebang(ratelimitStyle)).toBe(stripped);
    expect(stripShebang('#!lua\r\nreturn 1')).toBe('\nreturn 1');
    expect(stripShebang('#!lua flags=no-writes')).toBe('');
  });

  it('leaves scripts without a lua shebang alone', () => {
    expect(stripShebang('return 1')).toBeUndefined();
    expect(stripShebang('-- #!lua\nreturn 1')).toBeUndefined();
    expect(stripShebang('#!luajit\nreturn 1')).toBeUndefined();
  });
});

describe('ScriptRewriter', () => {
  it('hashes exactly like Redis and @upstash/redis (sha1 of the UTF-8 text)', () => {
    // What `SCRIPT LOAD "return 1"` answers on any Redis.
    expect(sha1Hex('return 1')).toBe('e0e1f9fabfc9d4800c877a703b823ac0578ff8db');
  });

  it('strips EVAL scripts and then translates EVALSHA of the original text', () => {
    const rewriter = new ScriptRewriter();
    const evalCmd = rewriter.rewrite(['eval', ratelimitStyle, '1', 'k']);
    expect(evalCmd.args).toEqual(['eval', stripped, '1', 'k']);

    const evalsha = rewriter.rewrite(['evalsha', sha1Hex(ratelimitStyle), '1', 'k']);
    expect(evalsha.args[1]).toBe(sha1Hex(stripped));
    const ro = rewriter.rewrite(['EVALSHA_RO', sha1Hex(ratelimitStyle).toUpperCase(), '0']);
    expect(ro.args[1]).toBe(sha1Hex(stripped));
  });

  it('passes unknown hashes through so Redis can answer NOSCRIPT', () => {
    const rewriter = new ScriptRewriter();
    expect(rewriter.rewrite(['EVALSHA', sha1Hex(ratelimitStyle), '0']).args[1]).toBe(sha1Hex(ratelimitStyle));
  });

  it('answers SCRIPT LOAD with the original sha and rewrites SCRIPT EXISTS', () => {
    const rewriter = new ScriptRewriter();
    const load = rewriter.rewrite(['SCRIPT', 'LOAD', ratelimitStyle]);
    expect(load.args[2]).toBe(stripped);
    expect(load.mapReply(Buffer.from(sha1Hex(stripped)))).toEqual(Buffer.from(sha1Hex(ratelimitStyle)));

    const other = sha1Hex('return 2');
    const exists = rewriter.rewrite(['script', 'exists', sha1Hex(ratelimitStyle), other]);
    expect(exists.args).toEqual(['script', 'exists', sha1Hex(stripped), other]);
  });

  it('does not touch SCRIPT LOAD replies for scripts it did not strip', () => {
    const load = new ScriptRewriter().rewrite(['SCRIPT', 'LOAD', 'return 1']);
    const reply = Buffer.from('abc');
    expect(load.mapReply(reply)).toBe(reply);
  });

  it('evicts the oldest mapping beyond its bound', () => {
    const rewriter = new ScriptRewriter(2);
    const scripts = ['#!lua\nreturn 1', '#!lua\nreturn 2', '#!lua\nreturn 3'];
    for (const s of scripts) rewriter.rewrite(['EVAL', s, '0']);
    expect(rewriter.rewrite(['EVALSHA', sha1Hex(scripts[0]!), '0']).args[1]).toBe(sha1Hex(scripts[0]!));
    expect(rewriter.rewrite(['EVALSHA', sha1Hex(scripts[2]!), '0']).args[1]).toBe(sha1Hex('\nreturn 3'));
  });
});
