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
  /**
   * The module's part of a freshly generated demo region, written in the seeding transaction after the
   * platform's organisations, families and staff (read them from the database). Deterministic for a
   * given seed and reference day; returns the counts the `demo.region.loaded` audit row records.
   */
  demo?(trx: Db, region: DemoSeedContext): Promise<Record<string, number>>;
}

export interface DemoSeedContext {
  /** The scale's name (`tiny`, `demo`, `region`, `national`). */
  scale: string;
  seed: number;
  /** The day the data leads up to, `YYYY-MM-DD`. */
  referenceDay: string;
  log: (line: string) => void;
  /** What the modules tell about children (attendance…), as `AppContext.families`. */
  families: FamilyHooks;
}
