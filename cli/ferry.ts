import { parseArgs } from 'node:util';
import { closeDatabases } from '@/db/client';
import { EnvError } from '@/lib/env';
import { demoSecretRefusal } from '@/lib/demo-secrets';
import { CliError, usage } from './errors';
import { commands } from './commands';

/**
 * `npm run --silent ferry -- <command> [flags]`: JSON on stdout; one line on stderr and a non-zero
 * exit for bad input or failure.
 */
async function main(argv: string[]): Promise<number> {
  // A production shell gets the same refusal as a production server start.
  const refusal = demoSecretRefusal(process.env);
  if (refusal) throw new CliError(refusal);
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = [words[0], words[1]].filter(Boolean).join(' ');
  const command = commands.find((c) => c.name === name) ?? commands.find((c) => c.name === words[0]);
  if (!command) {
    usage(`unknown command "${name || ''}". Commands: ${commands.map((c) => c.name).join(', ')}`);
  }
  const rest = joinNegativeValues(argv.slice(argv.indexOf(command.name.split(' ').at(-1)!) + 1), command);
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({ args: rest, options: command.options ?? {}, strict: true, allowPositionals: false });
    values = parsed.values as Record<string, string | boolean | undefined>;
  } catch (error) {
    usage(`${command.name}: ${(error as Error).message.split('\n')[0]}`);
  }
  const output = await command.run(values);
  process.stdout.write(`${JSON.stringify(output)}\n`);
  return 0;
}

/**
 * `--quantity -1` → `--quantity=-1`: node's parser takes `-1` for an option, which would hide the
 * command's own message ("must not be negative") behind a parser error.
 */
function joinNegativeValues(args: string[], command: { options?: Record<string, { type: string }> }): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.startsWith('--') ? args[i]!.slice(2) : '';
    const next = args[i + 1];
    if (command.options?.[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else {
      out.push(args[i]!);
    }
  }
  return out;
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`ferry: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof EnvError) {
      process.stderr.write(`ferry: ${error.message.replace(/\n\s*/g, ' ')}\n`);
      return 1;
    }
    process.stderr.write(`ferry: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return 1;
  })
  .then(async (code) => {
    await closeDatabases().catch(() => undefined);
    process.exit(code);
  });
