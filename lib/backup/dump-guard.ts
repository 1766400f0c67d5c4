/**
 * The mariadb/mysql client does not only send SQL to the server: it also obeys its own commands
 * (`\! sh`, `system`, `source`, `tee`, `pager`, `connect`, `use`, `delimiter`, …), which in a dump
 * would run on the machine doing the restore. A dump made by `ferry backup create` never holds one,
 * so restore reads the whole dump first and refuses it if any appears where the client would obey
 * it: a backslash command outside strings and comments, or a command word starting a line.
 * (The client is also run with --binary-mode and, where it has it, --sandbox: a second fence.)
 *
 * Bytes are scanned as they stream (UTF-8 never puts an ASCII byte inside a multi-byte character),
 * with the quote/comment state carried across chunks; it reads a dump of hundreds of MB in seconds.
 */

export type ClientCommand = { line: number; command: string };

/** Commands the client recognises by name at the start of a line (`mysql> help`, MariaDB and MySQL). */
const NAMED_COMMANDS = new Set([
  '?',
  'help',
  'clear',
  'connect',
  'delimiter',
  'edit',
  'ego',
  'exit',
  'go',
  'nopager',
  'notee',
  'nowarning',
  'pager',
  'print',
  'prompt',
  'quit',
  'rehash',
  'resetconnection',
  'query_attributes',
  'ssl_session_data_print',
  'source',
  'status',
  'system',
  'tee',
  'use',
  'charset',
  'warnings',
]);

/** The only `DELIMITER` lines mysqldump writes (around triggers and routines). */
const ALLOWED_DELIMITER = /^delimiter[ \t]+(;;|;)[ \t]*;?[ \t]*$/i;
/** `\-` turns the MariaDB client's sandbox mode on (mariadb-dump's first line): it only restricts. `\N` is NULL. */
const ALLOWED_BACKSLASH = new Set(['-', 'N']);
/** SQL modes that change how the client splits quotes: a dump that sets one could hide a command from this scan. */
const QUOTE_MODES = /NO_BACKSLASH_ESCAPES|ANSI_QUOTES/i;

const enum State {
  Code,
  SingleQuote,
  DoubleQuote,
  Backtick,
  BlockComment,
  LineComment,
}

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const PREFIX_MAX = 64;
/** Bytes held back at the end of a chunk so that every look-ahead (at most 3 bytes) sees whole input. */
const LOOKAHEAD = 3;

export class DumpScanner {
  private state = State.Code;
  private line = 1;
  /** The current line's first bytes, when it began in code (what a command word would be). */
  private prefix: string | null = '';
  private carry = Buffer.alloc(0);
  private modeTail = '';
  private found: ClientCommand | null = null;

  /** The first client command seen so far, or null. */
  get command(): ClientCommand | null {
    return this.found;
  }

  write(chunk: Buffer): void {
    if (this.found) return;
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const text = this.modeTail + chunk.toString('latin1');
    const mode = QUOTE_MODES.exec(text);
    if (mode) {
      // Scan up to it first, so the reported line is the one that sets the mode.
      this.scan(data, Math.max(0, mode.index - this.modeTail.length + this.carry.length));
      return this.flag(mode[0].toUpperCase());
    }
    this.modeTail = text.slice(-24);
    const stopped = this.scan(data, Math.max(0, data.length - LOOKAHEAD));
    this.carry = Buffer.from(data.subarray(stopped));
  }

  /** Call once the dump has been read whole; returns the first client command, or null. */
  end(): ClientCommand | null {
    if (!this.found) {
      const rest = this.carry;
      this.carry = Buffer.alloc(0);
      this.scan(rest, rest.length);
      this.endLine();
    }
    return this.found;
  }

  private flag(command: string): void {
    this.found ??= { line: this.line, command };
  }

  private endLine(): void {
    if (this.prefix === null || this.found) return;
    const text = this.prefix.trim();
    const word = /^(\?|[A-Za-z_]+)/.exec(text)?.[1]?.toLowerCase();
    if (word && NAMED_COMMANDS.has(word) && !(word === 'delimiter' && this.prefix.length < PREFIX_MAX && ALLOWED_DELIMITER.test(text))) {
      this.flag(text.slice(0, 40));
    }
  }

  private newLine(): void {
    this.endLine();
    this.line += 1;
    this.prefix = this.state === State.Code ? '' : null;
  }

  /**
   * Scans from data[0] until at least `until`, looking ahead into the bytes after it when needed;
   * returns where it stopped (a two-byte token may end one byte past `until`).
   */
  private scan(data: Buffer, until: number): number {
    let i = 0;
    while (i < until && !this.found) {
      const c = data[i]!;
      if (c === NEWLINE) {
        if (this.state === State.LineComment) this.state = State.Code;
        this.newLine();
        i += 1;
        continue;
      }
      if (this.prefix !== null && this.prefix.length < PREFIX_MAX && !(this.prefix === '' && (c === 0x20 || c === 0x09 || c === 0x0d))) {
        this.prefix += String.fromCharCode(c);
      }
      i += this.step(data, i, c);
    }
    return i;
  }

  /** Handles the byte at `i`; returns how many bytes it consumed. */
  private step(data: Buffer, i: number, c: number): number {
    const next = data[i + 1];
    switch (this.state) {
      case State.SingleQuote:
      case State.DoubleQuote:
        if (c === BACKSLASH) return next === undefined || next === NEWLINE ? 1 : 2;
        if (c === (this.state === State.SingleQuote ? 0x27 : 0x22)) this.state = State.Code;
        return 1;
      case State.Backtick:
        if (c === 0x60) this.state = State.Code;
        return 1;
      case State.BlockComment:
        if (c === 0x2a && next === 0x2f) {
          this.state = State.Code;
          return 2;
        }
        return 1;
      case State.LineComment:
        return 1;
      case State.Code:
        return this.stepCode(data, i, c, next);
    }
  }

  private stepCode(data: Buffer, i: number, c: number, next: number | undefined): number {
    if (c === BACKSLASH) {
      const command = next === undefined ? '' : String.fromCharCode(next);
      if (!ALLOWED_BACKSLASH.has(command)) this.flag(`\\${command}`);
      return 2;
    }
    if (c === 0x27) this.state = State.SingleQuote;
    else if (c === 0x22) this.state = State.DoubleQuote;
    else if (c === 0x60) this.state = State.Backtick;
    else if (c === 0x23) this.state = State.LineComment;
    else if (c === 0x2d && next === 0x2d && (data[i + 2] === undefined || data[i + 2]! <= 0x20)) this.state = State.LineComment;
    else if (c === 0x2f && next === 0x2a) {
      // `/*!…*/` and `/*M!…*/` are executed by the server, and the client reads them as code.
      const isExecutable = data[i + 2] === 0x21 || (data[i + 2] === 0x4d && data[i + 3] === 0x21);
      if (!isExecutable) this.state = State.BlockComment;
      return 2;
    }
    return 1;
  }
}

/** Reads a whole (decompressed) dump; the first client command in it, or null. */
export async function findClientCommand(dump: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<ClientCommand | null> {
  const scanner = new DumpScanner();
  for await (const chunk of dump) {
    scanner.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (scanner.command) return scanner.command;
  }
  return scanner.end();
}
