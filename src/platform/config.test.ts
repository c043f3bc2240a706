import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serverNodeArgs } from '../../scripts/server-process.mjs';
import { DEV_QUEUE_MASK_KEY, loadConfig } from './config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  DEMO_MODE: 'false',
  SEED_ON_START: 'false',
  OIDC_ISSUER: 'https://esia.example.ru',
  OIDC_CLIENT_SECRET: 'issued-by-the-provider',
  QUEUE_MASK_KEY: 'a-secret-of-the-region-0123456789abcdef',
};

describe('configuration in production', () => {
  it('starts with real settings', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.DEMO_MODE).toBe(false);
    expect(config.OIDC_ISSUER).toBe('https://esia.example.ru');
  });

  it.each([
    ['DEMO_MODE', 'true', /DEMO_MODE=false/],
    ['SEED_ON_START', 'true', /SEED_ON_START=false/],
    ['OIDC_CLIENT_SECRET', 'open-region-demo-secret', /OIDC_CLIENT_SECRET=/],
    ['OIDC_ISSUER', '', /OIDC_ISSUER=/],
    ['QUEUE_MASK_KEY', '', /QUEUE_MASK_KEY=/],
    ['QUEUE_MASK_KEY', DEV_QUEUE_MASK_KEY, /QUEUE_MASK_KEY=/],
  ])('refuses %s=%s and names the setting to change', (name, value, message) => {
    expect(() => loadConfig({ ...PRODUCTION, [name]: value })).toThrow(message);
  });

  it('refuses the defaults all at once, listing every setting', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DEMO_MODE=false.*SEED_ON_START=false.*OIDC_CLIENT_SECRET=.*OIDC_ISSUER=.*QUEUE_MASK_KEY=/,
    );
  });

  it('takes a queue mask key of at least 32 characters, in any mode', () => {
    expect(loadConfig(PRODUCTION).QUEUE_MASK_KEY).toBe(PRODUCTION.QUEUE_MASK_KEY);
    expect(() => loadConfig({ QUEUE_MASK_KEY: 'short' })).toThrow(/QUEUE_MASK_KEY: at least 32 characters/);
  });

  it('keeps the demo defaults outside production', () => {
    expect(loadConfig({}).DEMO_MODE).toBe(true);
    expect(loadConfig({}).QUEUE_MASK_KEY).toBe(DEV_QUEUE_MASK_KEY);
  });

  it('the server process exits before listening and says why', () => {
    const run = spawnSync(process.execPath, [...serverNodeArgs, 'src/cli/server.ts'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0', DATA_DIR: 'data/never-created' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Refusing to start with NODE_ENV=production.*DEMO_MODE=false/);
  });
});

describe('shared store (REDIS_URL)', () => {
  it('is optional and takes redis:// or rediss:// only', () => {
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example.ru:6380/0' }).REDIS_URL).toBe(
      'rediss://cache.example.ru:6380/0',
    );
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow(
      /REDIS_URL: a redis:\/\/ or rediss:\/\/ URL/,
    );
  });

  it('the server exits before touching the database when Redis is unreachable, saying so without the password', () => {
    const run = spawnSync(process.execPath, [...serverNodeArgs, 'src/cli/server.ts'], {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        DATA_DIR: 'data/never-created',
        REDIS_URL: 'redis://user:hunter2@127.0.0.1:1',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /Redis at redis:\/\/user:\*\*\*@127\.0\.0\.1:1 is unreachable \(connect ECONNREFUSED/,
    );
    expect(run.stderr).not.toContain('hunter2');
    expect(run.stdout).not.toMatch(/database/);
  });
});
