import { UnderConstruction } from '../../app/under-construction';

/**
 * Детские сады: list and map of kindergartens (/kindergartens) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.kindergartens" lead="wip.kindergartens.lead" />;
}
