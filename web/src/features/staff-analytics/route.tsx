import { UnderConstruction } from '../../app/under-construction';

/**
 * Аналитика: indicators and forecasts for officers (/staff/analytics) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.staffAnalytics" lead="wip.staffAnalytics.lead" />;
}
