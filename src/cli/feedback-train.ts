// Trains an appeal classifier from a JSON Lines file (shared/specs/appeal-classifier.md):
//
//   npm run --silent feedback:train -- --in train.jsonl --out model.json

import { runTrainCommand } from '../modules/feedback/classifier/cli-commands.js';

process.exitCode = runTrainCommand(process.argv.slice(2), {
  stderr: (line) => process.stderr.write(`${line}\n`),
});
