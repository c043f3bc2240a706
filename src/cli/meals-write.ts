// Writes a menu JSON as a daily menu workbook in the federal template's layout
// (shared/specs/food-menu-format.md), which `meals:read` reads back to the same JSON:
//
//   npm run --silent meals:write -- --in menu.json --out 2025-09-01-sm.xlsx

import { runCommand, writeCommand } from '../modules/meals/menu-format/cli-commands.js';

await runCommand(
  process.argv.slice(2),
  'usage: npm run --silent meals:write -- --in menu.json --out YYYY-MM-DD-sm.xlsx',
  writeCommand,
);
