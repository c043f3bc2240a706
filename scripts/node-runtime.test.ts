import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm ci` warns EBADENGINE for every locked package whose `engines.node` the running Node does not
// satisfy; a fresh clone must install quietly on the Node the project declares it supports.
// semver is npm's and Fastify's own range reader (a locked transitive package without bundled types).
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};
const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('the supported Node.js runtime', () => {
  const declared = manifest.engines.node;
  const oldest = semver.minVersion(declared)!.version;

  it('is the one this machine runs', () => {
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });

  it('is supported by every locked package, from the oldest declared version on', () => {
    const refusing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const wanted = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      if (!where || !wanted) continue;
      for (const node of [oldest, process.version]) {
        if (!semver.satisfies(node, wanted))
          refusing.push(`${where}@${entry.version} wants ${wanted}, not ${node}`);
      }
    }
    expect(refusing).toEqual([]);
  });

  it('is one the OpenID provider does not call unsupported', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('oidc-provider')"], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Unsupported runtime/);
  });
});
