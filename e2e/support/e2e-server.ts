import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { startTestSmtp, type CapturedMail } from '../../src/app/testing/test-smtp.js';
import { serverNodeArgs } from '../../scripts/server-process.mjs';
import { freePort } from '../../src/app/testing/free-port.js';

const root = path.resolve(import.meta.dirname, '../..');

export interface E2eServer {
  url: string;
  dataDir: string;
  mail: CapturedMail[];
  output: () => string;
  close(): Promise<void>;
}

/**
 * The real product as `npm start` runs it (server process, PGlite on disk, the built web app), on a
 * copy of the demo region loaded once per run, with a real SMTP server on loopback catching its mail.
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-region-e2e-'));
  fs.cpSync(inject('e2eTemplateDir'), dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, 'open-region.lock'), { force: true });
  const smtp = await startTestSmtp();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs, 'src/cli/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
      JOBS_POLL_MS: '200',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
      RATE_LIMIT_LOOKUP_PER_MINUTE: '1000',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    dataDir,
    mail: smtp.messages,
    output: () => output,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
