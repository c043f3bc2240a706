import type { AppModule } from './app-context.js';
import { mountDemoOidcProvider } from './auth/oidc-demo-provider.js';
import { oidcRoutes } from './auth/oidc-routes.js';
import { authRoutes } from './auth/routes.js';
import { familyRoutes } from './families/routes.js';
import { notificationHandlers } from './notifications/notify.js';
import { organisationRoutes } from './organisations/routes.js';
import { platformRoutes } from './platform-routes.js';
import { portalRoutes } from './portal/routes.js';

/** The platform's own HTTP surface and jobs: sign-in, health, region, organisations, families, the portal, notifications, audit. */
export const platformModule: AppModule = {
  name: 'platform',
  routes(app, ctx) {
    authRoutes(app, ctx);
    oidcRoutes(app, ctx);
    platformRoutes(app, ctx);
    organisationRoutes(app, ctx);
    portalRoutes(app, ctx);
    familyRoutes(app, ctx);
    if (ctx.config.DEMO_MODE && !ctx.config.OIDC_ISSUER) mountDemoOidcProvider(app, ctx.config);
  },
  jobs: (ctx) => notificationHandlers(ctx.mailer),
};
