import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Once per e2e run: build the web app if it is missing and load the demo region into a template
 * PGlite data directory; each e2e file starts its own server on a copy of it.
 */
export default function setup(project: TestProject) {
  if (!process.env.WEB_DIST && !fs.existsSync(path.join(root, 'web/dist/index.html'))) {
    const build = spawnSync(
      'npx',
      ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('web build failed');
  }
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'open-region-e2e-template-'));
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', '--scale', 'demo'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: template, DATABASE_URL: '' },
  });
  if (seed.status !== 0) throw new Error('seeding the e2e template failed');
  project.provide('e2eTemplateDir', template);
  return () => fs.rmSync(template, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplateDir: string;
  }
}
