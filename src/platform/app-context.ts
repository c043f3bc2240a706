import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Backend, Db } from './db/database.js';
import type { FamilyContribution, FamilyHooks } from './families/attendance.js';
import type { JobHandler } from './jobs/worker.js';
import type { Mailer } from './notifications/mailer.js';
import type { SharedStore } from './shared-store/redis.js';

/** What every module receives: configuration and the platform's services, never another module. */
export interface AppContext {
  config: Config;
  db: Db;
  backend: Backend;
  mailer: Mailer;
  /** Redis shared by every server process (REDIS_URL); null when this process runs alone. */
  sharedStore: SharedStore | null;
  /** What the modules tell about children (attendance…), for the platform's family pages. */
  families: FamilyHooks;
}

export interface AppModule {
  name: string;
  /** Registers the module's routes; called inside an encapsulated Fastify plugin. */
  routes?(app: FastifyInstance, ctx: AppContext): Promise<void> | void;
  /** Background job handlers by outbox topic. */
  jobs?(ctx: AppContext): Map<string, JobHandler>;
  /** Periodic work (e.g. nightly recalculation); the scheduler enqueues it. */
  schedules?: { topic: string; everyMinutes: number }[];
  /** What the module tells the platform about children (where they attend). */
  family?: FamilyContribution;
}
