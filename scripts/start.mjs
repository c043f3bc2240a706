// `npm start`: build the web app when its sources changed since the last build, then run the server.
import { spawnSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serverNodeArgs } from './server-process.mjs';

const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, 'web/dist/.source-hash');

function hashTree(dir, hash) {
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(full, hash);
    else hash.update(full).update(fs.readFileSync(full));
  }
}

const hash = crypto.createHash('sha256');
hashTree(path.join(root, 'web'), hash);
hashTree(path.join(root, 'src/contracts'), hash);
const sourceHash = hash.digest('hex');
const builtHash = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';

if (sourceHash !== builtHash) {
  console.log('open-region: building the web app (first start or changed sources)…');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(stampFile, sourceHash);
}

const server = spawn(process.execPath, [...serverNodeArgs, 'src/cli/server.ts'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
