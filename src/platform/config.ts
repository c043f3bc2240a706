import path from 'node:path';
import { z } from 'zod';

// Every setting comes from the environment, parsed once here; the README's configuration table mirrors it.
const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

// Behind a reverse proxy the client's address is in X-Forwarded-For; trust it only when told to:
// `true` (any proxy), a hop count, or a comma-separated list of proxy addresses/CIDRs.
const trustProxyFromEnv = z.string().transform((v): boolean | number | string => {
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
});

const DEMO_OIDC_CLIENT_SECRET = 'open-region-demo-secret';
export const DEMO_VK_APP_ID = 51_000_001;
export const DEMO_VK_APP_SECRET = 'open-region-demo-vk-app-secret';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATA_DIR: z.string().default('data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REGION_NAME_RU: z.string().default('Демо-область'),
  REGION_NAME_EN: z.string().default('Demo Region'),
  DEMO_MODE: boolFromEnv.default(true),
  SEED_ON_START: boolFromEnv.default(true),
  SEED_SCALE: z.enum(['tiny', 'demo', 'city', 'region', 'national']).default('demo'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: boolFromEnv.optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().default('open-region'),
  OIDC_CLIENT_SECRET: z.string().default(DEMO_OIDC_CLIENT_SECRET),
  // What a real provider is asked for; ЕСИА gives a citizen's children with its kid_* scopes.
  OIDC_SCOPE: z.string().default('openid profile email phone'),
  // ЕСИА's REST resource of a citizen's children, `{sub}` standing for the citizen's oid, e.g.
  // https://esia.gosuslugi.ru/rs/prns/{sub}/kids?embed=(elements.documents); unset: no children asked.
  OIDC_CHILDREN_URL: z
    .string()
    .regex(/^https?:\/\/.*\{sub\}/, 'an http(s) URL with {sub} where the citizen id goes')
    .optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('open-region <no-reply@open-region.local>'),
  TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  TRUST_PROXY: trustProxyFromEnv.default(false),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_LOOKUP_PER_MINUTE: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_EXPENSIVE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  // Several server processes share rate-limit counters (and later caches) in this Redis; without it
  // each process counts alone. A process that cannot reach it refuses to start.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default('open-region:'),
  JOBS_ENABLED: boolFromEnv.default(true),
  JOBS_POLL_MS: z.coerce.number().int().positive().default(1000),
  // The clubs VK Mini App (specs/vk-launch-params.md): its id and «защищённый ключ»; the defaults are
  // the demo app's pair, which the demo «VK launcher» signs with (accepted only in DEMO_MODE).
  VK_APP_ID: z.coerce.number().int().positive().default(DEMO_VK_APP_ID),
  VK_APP_SECRET: z.string().min(8).default(DEMO_VK_APP_SECRET),
  // The oldest `vk_ts` a launch may carry, in seconds.
  VK_LAUNCH_MAX_AGE_S: z.coerce.number().int().positive().default(86400),
  // The secret the public queue's masked application numbers are computed with (HMAC); see
  // modules/kindergarten/queue/masked-number.ts. Production must set its own.
  QUEUE_MASK_KEY: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  // Feedback (issue 15): a possible duplicate is the same category within this many days and metres
  // (or the same organisation) whose text is at least this similar (stem-set Jaccard, 0…1).
  FEEDBACK_DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  FEEDBACK_DUPLICATE_RADIUS_M: z.coerce.number().int().min(1).max(50_000).default(300),
  FEEDBACK_DUPLICATE_MIN_SIMILARITY: z.coerce.number().min(0.05).max(1).default(0.3),
  // The «устранено» survey is sent this many calendar days after such an answer.
  FEEDBACK_SURVEY_DAYS: z.coerce.number().int().min(1).max(180).default(14),
  // A new appeal is routed by the classifier's category when its top-1 score reaches this (1 = never).
  FEEDBACK_AUTO_ROUTE_CONFIDENCE: z.coerce.number().min(0.5).max(1).default(0.85),
});

/** Known to everyone who reads this file: fine for a demo or a test, never for production. */
export const DEV_QUEUE_MASK_KEY = 'open-region-development-queue-mask-key-not-secret';

export type Config = Omit<z.infer<typeof configSchema>, 'QUEUE_MASK_KEY'> & {
  QUEUE_MASK_KEY: string;
  dataDir: string;
  publicUrl: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' and tools' conventions.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production') refuseDemoDefaults(c);
  return {
    ...c,
    QUEUE_MASK_KEY: c.QUEUE_MASK_KEY ?? DEV_QUEUE_MASK_KEY,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl: c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}`,
  };
}

/**
 * Demo conveniences (demo sign-in accounts, the embedded ESIA stand-in, seeded families, the
 * published client secret) must never reach a production server: refuse to start, naming each
 * setting to change. A public demo runs without NODE_ENV=production.
 */
function refuseDemoDefaults(c: z.infer<typeof configSchema>): void {
  const fixes: string[] = [];
  if (c.DEMO_MODE) fixes.push('DEMO_MODE=false (demo accounts and the embedded sign-in provider)');
  if (c.SEED_ON_START) fixes.push('SEED_ON_START=false (the demo region would be loaded)');
  if (c.OIDC_CLIENT_SECRET === DEMO_OIDC_CLIENT_SECRET)
    fixes.push('OIDC_CLIENT_SECRET=<the secret your ESIA/OIDC provider issued> (the demo default is public)');
  if (!c.OIDC_ISSUER) fixes.push('OIDC_ISSUER=<your ESIA/OIDC provider> (citizens could not sign in)');
  if (!c.QUEUE_MASK_KEY || c.QUEUE_MASK_KEY === DEV_QUEUE_MASK_KEY)
    fixes.push(
      "QUEUE_MASK_KEY=<a secret of at least 32 characters, e.g. `openssl rand -hex 32`> (with the public default anyone could recompute the public queue's masked numbers)",
    );
  if (fixes.length)
    throw new Error(`Refusing to start with NODE_ENV=production and demo defaults; set: ${fixes.join('; ')}`);
}
