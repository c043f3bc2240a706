import { UnderConstruction } from '../../app/under-construction';

/**
 * Статистика: public indicators (/statistics) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.statistics" lead="wip.statistics.lead" />;
}
