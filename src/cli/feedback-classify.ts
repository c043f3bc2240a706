// Classifies a JSON Lines file of appeals with a trained model (shared/specs/appeal-classifier.md):
//
//   npm run --silent feedback:classify -- --model model.json --in texts.jsonl --out predictions.jsonl

import { runClassifyCommand } from '../modules/feedback/classifier/cli-commands.js';

process.exitCode = runClassifyCommand(process.argv.slice(2), {
  stderr: (line) => process.stderr.write(`${line}\n`),
});
