import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DestinationStream } from 'pino';
import { loadConfig, type Config } from '../../platform/config.js';
import type { DatabaseHandle } from '../../platform/db/database.js';
import { createTestDatabase } from '../../platform/db/test-database.js';
import { createSession, SESSION_COOKIE } from '../../platform/auth/session-store.js';
import { createMailer } from '../../platform/notifications/mailer.js';
import { buildApp } from '../build-app.js';
import { createFixtureRegion, type FixtureRegion, type FixtureUser } from './fixture-region.js';
import { startTestSmtp, type CapturedMail } from './test-smtp.js';
import { freePort } from './free-port.js';

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * The whole application on a fresh database (PGlite, or the PostgreSQL server with TEST_DB=postgres),
 * with the hand-made fixture region and a real SMTP server on loopback. Requests go through
 * Fastify's inject, so the full HTTP stack (validation, auth, CSRF, errors) runs without a socket.
 */
export async function startTestApp(
  opts: {
    fixture?: boolean;
    config?: Partial<Record<string, string>>;
    /** Also listen on a loopback port (PUBLIC_URL points at it), e.g. for the demo OIDC provider. */
    listen?: boolean;
    /** Capture the server's log lines (otherwise logging is off). */
    logStream?: DestinationStream;
    /** Serve this web build (a directory with index.html); by default whatever WEB_DIST holds. */
    webDist?: string;
  } = {},
) {
  const handle: DatabaseHandle = await createTestDatabase();
  const smtp = await startTestSmtp();
  const port = opts.listen ? await freePort() : 3999;
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: opts.logStream ? 'info' : 'silent',
    DATA_DIR: 'data/test',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: smtp.url,
    DEMO_MODE: 'true',
    ...opts.config,
  });
  const mailer = createMailer({ smtpUrl: smtp.url, from: config.MAIL_FROM, dataDir: config.dataDir });
  const built = await buildApp(config, handle, {
    mailer,
    logger: !!opts.logStream,
    logStream: opts.logStream,
    webDist: opts.webDist,
  });
  await built.app.ready();
  if (opts.listen) await built.app.listen({ port, host: '127.0.0.1' });
  const fixture: FixtureRegion | null = opts.fixture === false ? null : await createFixtureRegion(handle.db);

  function client(cookie?: string, csrf?: string): Client {
    const request = (o: InjectOptions) =>
      built.app.inject({
        ...o,
        headers: {
          ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          ...o.headers,
        },
      });
    return {
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, payload: payload as never }),
      put: (url, payload) => request({ method: 'PUT', url, payload: payload as never }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
      delete: (url) => request({ method: 'DELETE', url }),
    };
  }

  /** A client signed in as a user id (a session row created directly, as after a real sign-in). */
  async function as(userId: string): Promise<Client> {
    const { token, csrfToken } = await createSession(handle.db, userId, 1, 'test');
    return client(token, csrfToken);
  }

  return {
    ...built,
    config,
    handle,
    db: handle.db,
    fixture: fixture!,
    mail: smtp.messages as CapturedMail[],
    anonymous: client(),
    as,
    asFixture: (name: FixtureUser) => as(fixture!.users[name]),
    /** Runs every due background job now (notifications, recalculations). */
    drainJobs: () => built.worker.drain(),
    async close() {
      await built.app.close();
      await handle.close();
      await smtp.close();
    },
  };
}
