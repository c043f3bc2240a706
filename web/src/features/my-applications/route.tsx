import { UnderConstruction } from '../../app/under-construction';

/**
 * Мои заявления: a citizen's applications (/my) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.my" lead="wip.my.lead" />;
}
