import { UnderConstruction } from '../../app/under-construction';

/**
 * Заявления: officers' application processing (/staff/applications) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.staffApplications" lead="wip.staffApplications.lead" />;
}
