import type { AppModule } from '../platform/app-context.js';
import { contestsModule } from '../modules/contests/module.js';
import { clubsModule } from '../modules/clubs/module.js';
import { feedbackModule } from '../modules/feedback/module.js';
import { lifeSituationsModule } from '../modules/life-situations/module.js';
import { mealsModule } from '../modules/meals/module.js';
import { catalogModule } from '../modules/kindergarten/catalog/module.js';
import { placementModule } from '../modules/kindergarten/placement/module.js';
import { queueModule } from '../modules/kindergarten/queue/module.js';
import { reportingModule } from '../modules/kindergarten/reporting/module.js';
import { platformModule } from '../platform/platform-module.js';

/** The composition root's list of modules, in registration order. */
export const MODULES: AppModule[] = [
  platformModule,
  catalogModule,
  queueModule,
  placementModule,
  reportingModule,
  feedbackModule,
  lifeSituationsModule,
  mealsModule,
  contestsModule,
  clubsModule,
];
