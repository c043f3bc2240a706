import { UnderConstruction } from '../../app/under-construction';

/**
 * Комплектование: placement waves (/staff/placement) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.staffPlacement" lead="wip.staffPlacement.lead" />;
}
