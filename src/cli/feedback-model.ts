// Regenerates the shipped appeal classifier, src/modules/feedback/classifier/model.json, from the
// starter set (deterministic: the same code gives the same file byte for byte):
//
//   npm run --silent feedback:model [-- --data DIR]   # --data also writes the starter set as JSON Lines

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_MODEL_PATH, writeShippedModel } from '../modules/feedback/classifier/shipped-model.js';
import { generateStarterSet, splitStarterSet } from '../modules/feedback/classifier/starter-set/generator.js';

const started = performance.now();
const dataIndex = process.argv.indexOf('--data');
if (dataIndex >= 0) {
  const dir = process.argv[dataIndex + 1];
  if (dir === undefined) {
    process.stderr.write('feedback:model: --data needs a folder\n');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  const { train, heldOut } = splitStarterSet(generateStarterSet());
  const jsonl = (rows: readonly object[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  writeFileSync(join(dir, 'starter-train.jsonl'), jsonl(train));
  writeFileSync(join(dir, 'starter-held-out.jsonl'), jsonl(heldOut));
  process.stderr.write(`feedback:model: ${train.length} + ${heldOut.length} appeals written to ${dir}\n`);
}
const text = writeShippedModel();
process.stderr.write(
  `feedback:model: ${SHIPPED_MODEL_PATH} (${(text.length / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
);
