// `npm start`: build the web app when its sources changed since the last build, then run the server.
// SIGINT/SIGTERM (Ctrl-C, or a signal to npm's process, which `exec` in package.json makes this
// process) go on to the child running now; the server shuts down gracefully and this exits with it.
import { spawn } from 'node:child_process';
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

let child = null;
let signalled = null;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    signalled = signal;
    child?.kill(signal);
    if (!child) process.exit(0);
  });

/** Runs a child to its end; resolves with its exit code (a signal counts as a failure). */
function run(command, args, options) {
  child = spawn(command, args, { cwd: root, ...options });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

// WEB_DIST names another, ready build to serve (src/app/build-app.ts): nothing to build then.
if (!process.env.WEB_DIST && sourceHash !== builtHash) {
  console.log('open-region: building the web app (first start or changed sources)…');
  const status = await run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (signalled) process.exit(0);
  if (status !== 0) process.exit(status);
  fs.writeFileSync(stampFile, sourceHash);
}

// The IPC channel is the server's lifeline: it closes when this process ends, whichever way.
const status = await run(process.execPath, [...serverNodeArgs, 'src/cli/server.ts'], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
process.exit(signalled && status === 0 ? 0 : status);
