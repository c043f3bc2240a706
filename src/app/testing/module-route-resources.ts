import { contestsRouteResources } from '../../modules/contests/testing/route-resources.js';
import { clubsRouteResources } from '../../modules/clubs/testing/route-resources.js';
import { feedbackRouteResources } from '../../modules/feedback/testing/route-resources.js';
import { catalogRouteResources } from '../../modules/kindergarten/catalog/testing/route-resources.js';
import { lifeSituationsRouteResources } from '../../modules/life-situations/testing/route-resources.js';
import { mealsRouteResources } from '../../modules/meals/testing/route-resources.js';
import { placementRouteResources } from '../../modules/kindergarten/placement/testing/route-resources.js';
import { queueRouteResources } from '../../modules/kindergarten/queue/testing/route-resources.js';
import { reportingRouteResources } from '../../modules/kindergarten/reporting/testing/route-resources.js';
import { platformRouteResources } from '../../platform/testing/route-resources.js';
import type { RouteResourceMaker } from './route-resources.js';

/** The test side of src/app/modules.ts: each module's maker of its route parameters' resources. */
export const ROUTE_RESOURCES: RouteResourceMaker[] = [
  platformRouteResources,
  catalogRouteResources,
  queueRouteResources,
  placementRouteResources,
  reportingRouteResources,
  feedbackRouteResources,
  lifeSituationsRouteResources,
  mealsRouteResources,
  contestsRouteResources,
  clubsRouteResources,
];
