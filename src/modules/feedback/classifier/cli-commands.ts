// The two commands of shared/specs/appeal-classifier.md, behind the thin entries in src/cli/:
//
//   npm run --silent feedback:train -- --in train.jsonl --out model.json
//   npm run --silent feedback:classify -- --model model.json --in texts.jsonl --out predictions.jsonl
//
// Nothing goes to stdout. Progress and timing go to stderr; an error is ONE stderr line. Exit 0 on
// success, 2 for bad input (a malformed line, a bad model file, bad arguments), 1 when a file
// cannot be read or written. Output goes to a temporary file renamed over --out only on success,
// so a failed run leaves no output file (and never half of one).

import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MalformedLineError, parseAppealLines } from './jsonl.js';
import { classify, loadClassifier, parseModelText, serialiseModel, trainModel } from './model.js';

export class UsageError extends Error {}
/** A whole input that is wrong (a model file that is not one, a training file with no lines). */
class BadInputError extends Error {}

export interface CommandIo {
  readonly stderr: (line: string) => void;
}

function parseArgs(args: readonly string[], names: readonly string[], usage: string): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!names.includes(name)) throw new UsageError(`unknown argument ${JSON.stringify(arg)}; ${usage}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a file name; ${usage}`);
    values.set(name, value);
  }
  for (const name of names) if (!values.has(name)) throw new UsageError(`missing ${name}; ${usage}`);
  return values;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the ${what}: ${(error as Error).message}`);
  }
}

function writeAtomically(path: string, chunks: Iterable<string>) {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`cannot write ${path}: ${(error as Error).message}`);
  }
}

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);

function train(args: readonly string[], io: CommandIo) {
  const usage = 'usage: npm run --silent feedback:train -- --in train.jsonl --out model.json';
  const options = parseArgs(args, ['--in', '--out'], usage);
  const started = performance.now();
  const lines = parseAppealLines(readText(options.get('--in')!, 'training file'), true);
  if (lines.length === 0) throw new BadInputError('the training file has no appeals');
  io.stderr(`feedback:train: ${lines.length} appeals read`);
  const model = trainModel(lines.map((l) => ({ text: l.text, label: l.label! })));
  writeAtomically(options.get('--out')!, [serialiseModel(model)]);
  io.stderr(
    `feedback:train: ${model.labels.length} labels, ${model.vocabulary.length} features, trained in ${seconds(started)} s`,
  );
}

function classifyFile(args: readonly string[], io: CommandIo) {
  const usage =
    'usage: npm run --silent feedback:classify -- --model model.json --in texts.jsonl --out predictions.jsonl';
  const options = parseArgs(args, ['--model', '--in', '--out'], usage);
  const started = performance.now();
  let classifier;
  try {
    classifier = loadClassifier(parseModelText(readText(options.get('--model')!, 'model')));
  } catch (error) {
    if ((error as Error).message.startsWith('cannot read')) throw error;
    const message = (error as Error).message.replace(/\s+/g, ' ');
    throw new BadInputError(`the model file is not a classifier model: ${message.slice(0, 300)}`);
  }
  const lines = parseAppealLines(readText(options.get('--in')!, 'input file'), false);
  const classifying = performance.now();
  const out = lines.map((line) => {
    const top = classify(classifier, line.text, 3);
    return `${JSON.stringify({ id: line.id, labels: top.map((s) => s.label), scores: top.map((s) => Number(s.score.toFixed(4))) })}\n`;
  });
  const elapsed = (performance.now() - classifying) / 1000;
  writeAtomically(options.get('--out')!, out);
  const rate = elapsed > 0 ? Math.round(lines.length / elapsed) : lines.length;
  io.stderr(
    `feedback:classify: ${lines.length} appeals in ${seconds(started)} s (${rate} appeals/s classifying)`,
  );
}

function run(
  command: (args: readonly string[], io: CommandIo) => void,
  name: string,
  args: readonly string[],
  io: CommandIo,
) {
  try {
    command(args, io);
    return 0;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    const kind = error instanceof MalformedLineError ? 'malformed input: ' : '';
    io.stderr(`${name}: ${kind}${message}`);
    return error instanceof MalformedLineError ||
      error instanceof UsageError ||
      error instanceof BadInputError
      ? 2
      : 1;
  }
}

export const runTrainCommand = (args: readonly string[], io: CommandIo) =>
  run(train, 'feedback:train', args, io);
export const runClassifyCommand = (args: readonly string[], io: CommandIo) =>
  run(classifyFile, 'feedback:classify', args, io);
