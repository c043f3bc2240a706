import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type DestinationStream } from 'pino';
import type { AppContext, AppModule } from '../platform/app-context.js';
import type { Config } from '../platform/config.js';
import type { DatabaseHandle } from '../platform/db/database.js';
import { familyHooksOf } from '../platform/families/attendance.js';
import { buildHttpApp } from '../platform/http/app.js';
import type { JobHandler } from '../platform/jobs/worker.js';
import { OutboxWorker } from '../platform/jobs/worker.js';
import { createMailer, type Mailer } from '../platform/notifications/mailer.js';
import { connectSharedStore, type SharedStore } from '../platform/shared-store/redis.js';
import { MODULES } from './modules.js';

// WEB_DIST lets a developer serve another build of the web app (e.g. parallel e2e runs).
export const WEB_DIST =
  process.env.WEB_DIST || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Wires configuration, database, modules, HTTP and the job worker together. */
export async function buildApp(
  config: Config,
  handle: DatabaseHandle,
  opts: {
    mailer?: Mailer;
    modules?: AppModule[];
    logger?: boolean;
    logStream?: DestinationStream;
    /** The web build to serve (default WEB_DIST). */
    webDist?: string;
    /** An already connected shared store; by default one is connected when REDIS_URL is set. */
    sharedStore?: SharedStore | null;
  } = {},
) {
  const modules = opts.modules ?? MODULES;
  const sharedStore =
    opts.sharedStore !== undefined
      ? opts.sharedStore
      : config.REDIS_URL
        ? await connectSharedStore(config.REDIS_URL)
        : null;
  const ctx: AppContext = {
    config,
    db: handle.db,
    backend: handle.backend,
    mailer:
      opts.mailer ??
      createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, dataDir: config.dataDir }),
    sharedStore,
    families: familyHooksOf(modules),
  };
  const { app, routes } = await buildHttpApp(ctx, modules, {
    webDist: opts.webDist ?? WEB_DIST,
    logger: opts.logger,
    logStream: opts.logStream,
  });
  if (sharedStore) {
    sharedStore.on('error', (err: Error) => app.log.error({ err }, 'shared store (Redis) unreachable'));
    app.addHook('onClose', async () => {
      await sharedStore.quit().catch(() => sharedStore.disconnect());
    });
  }
  const handlers = new Map<string, JobHandler>();
  for (const m of modules) for (const [topic, h] of m.jobs?.(ctx) ?? []) handlers.set(topic, h);
  const log = pino({ level: config.LOG_LEVEL });
  const schedules = modules.flatMap((m) => m.schedules ?? []);
  const worker = new OutboxWorker(handle.db, handlers, log, config.JOBS_POLL_MS, { schedules });
  return { app, routes, worker, ctx };
}
