import type { AppModule } from '../../platform/app-context.js';
import { publicClubsRoutes } from './catalog/routes.js';
import { clubsDemo } from './demo/demo.js';
import { EnrolmentService } from './enrolment/enrolment-service.js';
import { citizenEnrolmentRoutes, staffEnrolmentRoutes } from './enrolment/routes.js';
import './enrolment/templates.js';
import './permissions.js';
import './tables.js';
import { VkLaunchService } from './vk/launch-service.js';
import { vkRoutes } from './vk/routes.js';

/** Withdraws waitlist offers not taken in time and offers their seats to the next in line. */
export const EXPIRE_OFFERS_TOPIC = 'clubs.offers.expire';

/**
 * Clubs and sections (issue 16): the public catalog of programmes and groups with open data,
 * enrolment of a family's child with seats and a waitlist, the organisation's decisions, and the
 * VK Mini App's launch.
 */
export const clubsModule: AppModule = {
  name: 'clubs',
  routes(app, ctx) {
    const enrolments = new EnrolmentService(ctx.db);
    publicClubsRoutes(app, ctx);
    citizenEnrolmentRoutes(app, ctx, enrolments);
    staffEnrolmentRoutes(app, ctx, enrolments);
    vkRoutes(app, ctx, new VkLaunchService(ctx.db, ctx.config));
  },
  jobs(ctx) {
    const enrolments = new EnrolmentService(ctx.db);
    return new Map([
      [
        EXPIRE_OFFERS_TOPIC,
        async (_payload, tx) => {
          await enrolments.expireOffers(tx);
        },
      ],
    ]);
  },
  schedules: [{ topic: EXPIRE_OFFERS_TOPIC, everyMinutes: 15 }],
  demo: clubsDemo,
};
