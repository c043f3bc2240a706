import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { publicPlugin } from './auth-hooks.js';

/**
 * The docs page's policy. Swagger UI sets inline styles (its React components use `style=`), so the
 * package's own policy (`style-src 'self' https:`) made Chromium report a CSP error on every load; this
 * one allows inline styles as the app's own policy does and nothing from other origins.
 */
export const DOCS_CSP = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** OpenAPI 3.1 generated from the same zod schemas that validate requests. */
export async function installOpenApi(app: FastifyInstance, title: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `open-region API — ${title}`,
        version: '1',
        description:
          'Public services for families. Errors are RFC 9457 problem+json. Writes authenticated by the session cookie need the X-CSRF-Token header from GET /api/auth/session.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'or_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await publicPlugin(app, swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
