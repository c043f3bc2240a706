import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readDailyMenu, writeDailyMenu } from './daily-menu.js';
import { problemLine } from './menu.js';
import { menuJsonText, parseMenuJson } from './menu-json.js';

/**
 * `meals:read` and `meals:write` (shared/specs/food-menu-format.md). A refused input gives one
 * stderr line per problem and exit code 2, and no output file: the result goes to a temporary file
 * renamed over `--out` only on success. Unreadable files (missing, permissions) and bad arguments
 * exit 1.
 */
export interface CommandResult {
  code: 0 | 1 | 2;
  stderr: string[];
}

export function parseInOut(
  args: readonly string[],
  usage: string,
): { input: string; output: string } | CommandResult {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--in' && name !== '--out')
      return { code: 1, stderr: [`unknown argument ${JSON.stringify(arg)}; ${usage}`] };
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '')
      return { code: 1, stderr: [`${name} needs a file name; ${usage}`] };
    values.set(name, value);
  }
  const input = values.get('--in');
  const output = values.get('--out');
  if (input === undefined || output === undefined)
    return { code: 1, stderr: [`missing ${input === undefined ? '--in' : '--out'}; ${usage}`] };
  return { input, output };
}

export async function readCommand(input: string, output: string): Promise<CommandResult> {
  const bytes = readInput(input);
  if ('code' in bytes) return bytes;
  const read = await readDailyMenu(bytes, basename(input));
  if (!read.ok) return { code: 2, stderr: read.problems.map((p) => problemLine(p)) };
  writeAtomically(output, menuJsonText(read.value));
  return { code: 0, stderr: [] };
}

export async function writeCommand(input: string, output: string): Promise<CommandResult> {
  const bytes = readInput(input);
  if ('code' in bytes) return bytes;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      code: 2,
      stderr: [`${basename(input)}: expected JSON, ${(error as Error).message.replace(/\s+/g, ' ')}`],
    };
  }
  const parsed = parseMenuJson(json);
  if (!parsed.ok) return { code: 2, stderr: parsed.problems };
  writeAtomically(output, await writeDailyMenu(parsed.menu));
  return { code: 0, stderr: [] };
}

function readInput(path: string): Buffer | CommandResult {
  // Both are objects; a Buffer has no `code`, which is how callers tell them apart.
  try {
    return readFileSync(path);
  } catch (error) {
    return { code: 1, stderr: [`cannot read ${path}: ${(error as Error).message}`] };
  }
}

function writeAtomically(path: string, content: string | Buffer) {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Runs a command the way the CLI entry points do: stderr lines, exit code. */
export async function runCommand(
  args: readonly string[],
  usage: string,
  command: typeof readCommand,
): Promise<void> {
  const parsed = parseInOut(args, usage);
  const result = 'input' in parsed ? await command(parsed.input, parsed.output) : parsed;
  for (const line of result.stderr) process.stderr.write(`${line.replace(/[\r\n]+/g, ' ')}\n`);
  process.exitCode = result.code;
}
