// Solves a placement instance file (shared/specs/placement-instance.md):
//
//   npm run --silent placement -- --in instance.json[.gz] --out result.json
//
// Exit 0 and nothing on stdout on success. Otherwise one line on stderr and a non-zero exit; the
// result is written to a temporary file renamed over --out only on success, so a file already there
// is never half-overwritten.

import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Instance } from '../modules/kindergarten/placement/solver/index.js';
import {
  MalformedInstanceError,
  indexInstance,
  parseInstance,
  place,
  resultJsonChunks,
} from '../modules/kindergarten/placement/solver/index.js';

const USAGE = 'usage: npm run --silent placement -- --in instance.json[.gz] --out result.json';

class UsageError extends Error {}

function parseArgs(args: readonly string[]): { input: string; output: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    if (name !== '--in' && name !== '--out')
      throw new UsageError(`unknown argument ${JSON.stringify(arg)}; ${USAGE}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a file name; ${USAGE}`);
    values.set(name, value);
  }
  const input = values.get('--in');
  const output = values.get('--out');
  if (input === undefined) throw new UsageError(`missing --in; ${USAGE}`);
  if (output === undefined) throw new UsageError(`missing --out; ${USAGE}`);
  return { input, output };
}

const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

function readInstanceText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read the instance: ${(error as Error).message}`);
  }
  if (path.endsWith('.gz') || isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new MalformedInstanceError(`not a valid gzip file (${(error as Error).message})`);
    }
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function writeAtomically(path: string, chunks: Iterable<string>) {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
      writeSync(fd, '\n');
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function main(args: readonly string[]) {
  const { input, output } = parseArgs(args);
  let text: string | undefined = readInstanceText(input);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MalformedInstanceError(`invalid JSON: ${(error as Error).message}`);
  }
  text = undefined;
  let instance: Instance | undefined = parseInstance(json);
  json = undefined;
  // Only ids and typed arrays survive into the solve; the object graph of a million children goes.
  const indexed = indexInstance(instance);
  instance = undefined;
  const placement = place(indexed, { now: () => performance.now() });
  writeAtomically(output, resultJsonChunks(indexed, placement));
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const kind = error instanceof MalformedInstanceError ? 'malformed instance: ' : '';
  // Exactly one line, whatever the message holds (JSON parse errors quote the input).
  process.stderr.write(`placement: ${kind}${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
