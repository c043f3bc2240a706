import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort } from '../src/app/testing/free-port.js';

const root = path.resolve(import.meta.dirname, '..');

interface Started {
  npm: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const startedGroups: number[] = [];
afterAll(() => {
  // Whatever a failed test left running in its own process group.
  for (const group of startedGroups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** `npm start` as a newcomer types it, on a copy of the demo region, in its own process group. */
async function npmStart(): Promise<Started> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-region-start-'));
  fs.cpSync(inject('e2eTemplateDir'), dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, 'open-region.lock'), { force: true });
  const port = await freePort();
  let output = '';
  const npm = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The build this run already made: `npm start` serves it instead of building its own.
      WEB_DIST: process.env.WEB_DIST || path.join(root, 'web/dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  startedGroups.push(npm.pid!);
  npm.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  npm.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm start did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { npm, url, output: () => output, exited };
}

/** True while any process of the group `npm start` began still runs (npm, its shell, the server). */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A sign-in request whose headers have reached the server but whose body has not: in flight when
 * the signal comes. Resolves with the status the server finally answers.
 */
function requestInFlight(url: string): { sendRest: () => void; status: Promise<number> } {
  const body = JSON.stringify({ login: 'nobody', password: 'wrong' });
  const half = Math.floor(body.length / 2);
  const req = http.request(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const status = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  return { sendRest: () => req.end(body.slice(half)), status };
}

describe('npm start as a program', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to npm’s own process stops the server gracefully: the request in flight is answered, nothing is left running',
    async (signal) => {
      const started = await npmStart();
      const group = started.npm.pid!;
      const inFlight = requestInFlight(started.url);
      await new Promise((r) => setTimeout(r, 300)); // the headers are read
      process.kill(group, signal); // npm's process only, as a service manager or a terminal would
      await new Promise((r) => setTimeout(r, 300)); // shutdown has begun
      inFlight.sendRest();
      expect(await inFlight.status).toBe(401);

      const code = await Promise.race([
        started.exited,
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000)),
      ]);
      expect(code, started.output()).not.toBe('timeout');
      await expect.poll(() => groupAlive(group), { timeout: 10_000 }).toBe(false);
      await expect(fetch(`${started.url}/api/health`)).rejects.toThrow();
      expect(started.output()).toMatch(new RegExp(`${signal}, stopping`));
      expect(started.output()).toMatch(/open-region: stopped/);
    },
  );
});
