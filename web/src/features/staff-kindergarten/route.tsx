import { UnderConstruction } from '../../app/under-construction';

/**
 * Мой детский сад: the kindergarten head's workspace (/staff/kindergarten) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.staffKindergarten" lead="wip.staffKindergarten.lead" />;
}
