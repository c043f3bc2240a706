import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext, AppModule } from '../app-context.js';
import { installAuthHooks } from './auth-hooks.js';
import { installErrorHandler } from './error-handler.js';
import { installOpenApi } from './openapi.js';
import { HttpProblem } from './problem.js';
import type { RegisteredRoute } from './route-permission.js';

export type App = FastifyInstance;

export interface HttpAppOptions {
  /** Built web app (web/dist); served with an SPA fallback when present. */
  webDist?: string;
  logger?: boolean;
}

// Personal data never reaches the logs.
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.birthCertificate',
  '*.birthDate',
  '*.email',
  '*.phone',
];

function tileOrigin(tileUrl: string): string | null {
  try {
    return new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).origin;
  } catch {
    return null;
  }
}

export async function buildHttpApp(
  ctx: AppContext,
  modules: AppModule[],
  opts: HttpAppOptions = {},
): Promise<{ app: App; routes: RegisteredRoute[] }> {
  const app = Fastify({
    logger:
      opts.logger === false || ctx.config.LOG_LEVEL === 'silent'
        ? false
        : { level: ctx.config.LOG_LEVEL, redact: { paths: REDACT, censor: '[redacted]' } },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const tiles = tileOrigin(ctx.config.TILE_URL);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'self'", 'https://vk.com', 'https://*.vk.com'],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 5, fields: 20 } });
  installErrorHandler(app);

  const routes: RegisteredRoute[] = [];
  installAuthHooks(app, ctx.db, routes);
  await installOpenApi(app, ctx.config.REGION_NAME_EN);

  for (const module of modules) {
    if (module.routes) await app.register(async (scoped) => module.routes!(scoped, ctx));
  }

  const webDist = opts.webDist;
  const hasWeb = webDist && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h', index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/') || url.startsWith('/open-data/') || !hasWeb || request.method !== 'GET') {
      throw new HttpProblem(404, 'not-found', `No such resource: ${request.method} ${url}`);
    }
    // Client-side routes: hand the single-page app its shell.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return { app, routes };
}
