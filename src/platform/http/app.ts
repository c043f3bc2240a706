import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext, AppModule } from '../app-context.js';
import { installAuthHooks, publicPlugin } from './auth-hooks.js';
import { installJsonBodyParser } from './json-body.js';
import { frameworkProblem, installErrorHandler } from './error-handler.js';
import { installOpenApi } from './openapi.js';
import { HttpProblem } from './problem.js';
import type { RegisteredRoute } from './route-permission.js';
import { isKnownPage, PAGES_FILE } from './web-pages.js';

export type App = FastifyInstance;

/**
 * How URLs map to routes, spelled out (these are Fastify's defaults): the authorization tests build
 * a router with the same options to learn which spellings of a path reach which route.
 */
export const ROUTER_OPTIONS = {
  caseSensitive: true,
  ignoreTrailingSlash: false,
  ignoreDuplicateSlashes: false,
  useSemicolonDelimiter: false,
} as const;

export interface HttpAppOptions {
  /** Built web app (web/dist); served with an SPA fallback when present. */
  webDist?: string;
  logger?: boolean;
  /** Where log lines go (tests capture them); standard output by default. */
  logStream?: DestinationStream;
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
  '*.fullName',
  '*.lastName',
  '*.firstName',
  '*.patronymic',
  '*.applicantName',
  '*.address',
  '*.snils',
  // Database errors quote the offending values ("Key (birth_certificate)=(…) already exists").
  'err.detail',
  'err.parameters',
];

// Query strings may carry personal data too (a search by name, a certificate number).
const PERSONAL_QUERY_KEY = /name|birth|certificate|email|phone|snils|passport|address|search|q$/i;
// …and sign-in secrets: the OpenID callback's one-time code and state (whoever reads them in a log could
// finish the sign-in), the nonce and PKCE values on the way to the provider, tokens of any kind.
const SECRET_QUERY_KEY =
  /^(code|state|nonce|code_challenge|code_verifier|session_state|id_token_hint)$|token|secret|password/i;

export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const key of [...params.keys()])
    if (PERSONAL_QUERY_KEY.test(key) || SECRET_QUERY_KEY.test(key)) params.set(key, '[redacted]');
  return `${url.slice(0, at)}?${params.toString()}`;
}

/** A hop count trusts that many proxies nearest the server; Fastify takes it as a function. */
function trustProxyOption(
  value: boolean | number | string,
): boolean | string | ((a: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

/** Whether a path (as sent, in any spelling) is under the API or open data, where a miss is problem+json. */
function isApiPath(url: string): boolean {
  let path = url;
  try {
    path = decodeURIComponent(url);
  } catch {
    // A malformed escape: judge it as sent.
  }
  return path.startsWith('/api/') || path.startsWith('/open-data/');
}

const HSTS = 'max-age=31536000; includeSubDomains';

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
        : {
            level: ctx.config.LOG_LEVEL,
            redact: { paths: REDACT, censor: '[redacted]' },
            serializers: {
              req: (req: FastifyRequest) => ({
                method: req.method,
                url: redactUrl(req.url),
                remoteAddress: req.ip,
              }),
            },
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: 1_048_576,
    routerOptions: ROUTER_OPTIONS,
    frameworkErrors: frameworkProblem,
    trustProxy: trustProxyOption(ctx.config.TRUST_PROXY),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // HSTS means something only on a response that came over https (RFC 6797 §7.2); behind a proxy,
    // request.protocol believes X-Forwarded-Proto only when TRUST_PROXY says so.
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
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
    // Sent above, over https only.
    strictTransportSecurity: false,
    // X-Frame-Options knows only DENY and SAMEORIGIN, which would keep the VK mini app from framing
    // the site; CSP frame-ancestors above says who may frame it.
    xFrameOptions: false,
  });
  await app.register(cookie);
  await app.register(formbody);
  installJsonBodyParser(app);
  const routes: RegisteredRoute[] = [];
  installAuthHooks(app, ctx.db, routes, {
    expensivePerMinute: ctx.config.RATE_LIMIT_EXPENSIVE_PER_MINUTE,
  });
  // One per-IP budget shared by every public route (a route may set a stricter one of its own,
  // e.g. sign-in); signed-in work is not limited here.
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE,
    timeWindow: '1 minute',
    allowList: (request) => request.routeOptions.config?.permission !== 'public',
    // One wait, the same in Retry-After, in `retryAfter` and in the text: what is left of the window.
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpProblem(429, 'rate-limited', `Too many requests: retry in ${seconds} s.`, {
        retryAfter: seconds,
      });
    },
    // With a shared store every process counts against the same budget (a route's own limit gets
    // its own key under this prefix); without one, this process's memory.
    ...(ctx.sharedStore
      ? { redis: ctx.sharedStore, nameSpace: `${ctx.config.REDIS_KEY_PREFIX}rate-limit:` }
      : {}),
  });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 5, fields: 20 } });
  const store = ctx.sharedStore;
  installErrorHandler(app, store ? { sharedStoreDown: () => store.status !== 'ready' } : {});
  await installOpenApi(app, ctx.config.REGION_NAME_EN);

  for (const module of modules) {
    if (module.routes) await app.register(async (scoped) => module.routes!(scoped, ctx));
  }

  // The shell is read once: the static plugin lives in its own (public) scope, so its
  // `reply.sendFile` is not available to the root not-found handler, and a build's shell is fixed.
  const webDist = opts.webDist;
  const shellPath = webDist && path.join(webDist, 'index.html');
  const shell = shellPath && fs.existsSync(shellPath) ? fs.readFileSync(shellPath) : null;
  // The build's list of pages (web/vite.config.ts); a build without one answers every path 200.
  const pagesPath = webDist && path.join(webDist, PAGES_FILE);
  const pages =
    pagesPath && fs.existsSync(pagesPath)
      ? (JSON.parse(fs.readFileSync(pagesPath, 'utf8')) as string[])
      : null;
  if (shell) {
    await publicPlugin(app, fastifyStatic, {
      root: webDist!,
      wildcard: false,
      maxAge: '1h',
      index: false,
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (isApiPath(url) || !shell || request.method !== 'GET') {
      throw new HttpProblem(404, 'not-found', `No such resource: ${request.method} ${url}`);
    }
    // Client-side routes: hand the single-page app its shell; a path no page owns gets the same
    // shell (which shows its «404» page) with the status that says so.
    const status = pages && !isKnownPage(url, pages) ? 404 : 200;
    return reply
      .code(status)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(shell);
  });

  return { app, routes };
}
