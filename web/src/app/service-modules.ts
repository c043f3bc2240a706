import { contestsModule } from '../features/contests/manifest';
import { feedbackModule } from '../features/feedback/manifest';
import { clubsModule } from '../features/clubs/manifest';
import { kindergartenModule } from '../features/kindergarten-service/manifest';
import { lifeSituationsModule } from '../features/life-situations/manifest';
import { mealsModule } from '../features/meals/manifest';
import type { ServiceModule } from './service-module';

/**
 * The family services the portal offers, in the order of the menu and the home page. Adding a service
 * is one manifest (see service-module.ts) and one entry here; the shell reads nothing else.
 */
export const SERVICE_MODULES: readonly ServiceModule[] = [
  kindergartenModule,
  clubsModule,
  feedbackModule,
  mealsModule,
  lifeSituationsModule,
  contestsModule,
];
