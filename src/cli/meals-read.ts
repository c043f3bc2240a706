// Reads a school's daily menu workbook into the menu JSON (shared/specs/food-menu-format.md):
//
//   npm run --silent meals:read -- --in 2025-09-01-sm.xlsx --out menu.json
//
// Exit 0 and nothing on stderr on success; a refused file: one stderr line per cell, exit 2.

import { readCommand, runCommand } from '../modules/meals/menu-format/cli-commands.js';

await runCommand(
  process.argv.slice(2),
  'usage: npm run --silent meals:read -- --in YYYY-MM-DD-sm.xlsx --out menu.json',
  readCommand,
);
